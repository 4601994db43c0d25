import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { isPrivateAddress } from '@app/operations';

export class CallbackUrlError extends Error {}

export const MAX_CALLBACK_URL = 2048;

/**
 * A callback URL as given on upload: http(s) only, no credentials in it, and not an address on
 * this network (loopback, private, link-local — cloud metadata lives there) unless
 * `allowPrivate`. Names are checked again, after DNS, when each delivery connects.
 */
export function checkCallbackUrl(raw: string, allowPrivate: boolean): URL {
  if (raw.length > MAX_CALLBACK_URL)
    throw new CallbackUrlError(`callbackUrl is longer than ${MAX_CALLBACK_URL} characters`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CallbackUrlError('callbackUrl is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CallbackUrlError('callbackUrl must be http or https');
  if (url.username || url.password)
    throw new CallbackUrlError('callbackUrl must not carry credentials (use the signature)');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (
    !allowPrivate &&
    (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && isPrivateAddress(host)))
  )
    throw new CallbackUrlError(
      'callbackUrl points at a private or loopback address; the server refuses those (WEBHOOK_ALLOW_PRIVATE)',
    );
  return url;
}

/**
 * A DNS lookup for the delivery's own connection that refuses private answers: the address
 * checked is the address connected to, so a name cannot resolve public at upload and private
 * (DNS rebinding) when the callback is sent.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as { address: string; family: number }[];
      const refused = !allowPrivate && list.find((a) => isPrivateAddress(a.address));
      if (refused)
        return callback(
          Object.assign(
            new Error(`${hostname} resolves to a private address (${refused.address})`),
            {
              code: 'EPRIVATEADDR',
            },
          ),
          '',
          0,
        );
      if (options.all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
