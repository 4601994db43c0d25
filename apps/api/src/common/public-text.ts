/** Absolute paths (POSIX and Windows), as engines and Node put them in messages. */
const PATHS = /(?:[A-Za-z]:\\|\/)[^\s:'"]*[/\\][^\s:'"]*/g;

/**
 * A stored failure or notice as a user may read it: its first line, without server paths,
 * bounded. Workers keep the whole message (with engine output) in their logs.
 */
export function publicText(text: string | null | undefined, fallback = ''): string {
  const line = (text ?? '').split('\n')[0].trim() || fallback;
  return line.replace(PATHS, '…').slice(0, 300);
}
