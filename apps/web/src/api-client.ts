/** The browser's side of the clipgen API: the key, JSON calls, uploads with progress, live events. */

const KEY_STORAGE = 'clipgen.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const savedKey = (): string => localStorage.getItem(KEY_STORAGE) ?? '';
export const saveKey = (key: string): void => localStorage.setItem(KEY_STORAGE, key);

const authHeaders = (): Record<string, string> => {
  const key = savedKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
};

async function failure(res: Response): Promise<ApiError> {
  const body = await res.json().catch(() => ({}) as Record<string, string>);
  return new ApiError(res.status, body.code ?? 'HTTP_ERROR', body.detail ?? res.statusText);
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** A multipart upload through XMLHttpRequest: fetch cannot report upload progress. */
export function uploadVideo(
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ jobId: string; statusUrl: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/upload-video');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'the upload could not reach the server'));
    xhr.onload = () => {
      let body: Record<string, string> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: reported below */
      }
      if (xhr.status === 202) resolve(body as unknown as { jobId: string; statusUrl: string });
      else
        reject(new ApiError(xhr.status, body.code ?? 'HTTP_ERROR', body.detail ?? xhr.statusText));
    };
    xhr.send(form);
  });
}

export interface JobEvent {
  status: string;
  stage: string | null;
  stageProgress: number;
  progress: number;
  etaSeconds: number | null;
  error: { code: string; message: string } | null;
}

/**
 * Reads /api/jobs/{id}/events with fetch (EventSource cannot send the key) and hands over each
 * event until the stream ends with the job's final one.
 */
export async function followEvents(jobId: string, onEvent: (name: string, e: JobEvent) => void) {
  const res = await fetch(`/api/jobs/${jobId}/events`, { headers: authHeaders() });
  if (!res.ok || !res.body) throw await failure(res);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (name && data) onEvent(name, JSON.parse(data) as JobEvent);
    }
  }
}
