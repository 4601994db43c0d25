/** The first words of a sentence in quotes, for reasons a person reads. */
export function quote(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return `“${parts.slice(0, words).join(' ')}${parts.length > words ? '…' : ''}”`;
}

/** The last words of a sentence in quotes. */
export function tail(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return `“${parts.slice(-words).join(' ')}”`;
}
