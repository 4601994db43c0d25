/** `h:mm:ss.cc`, the centisecond clock ASS uses. */
export function assTime(seconds: number): string {
  const cs = Math.max(0, Math.round(seconds * 100));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = Math.floor((cs % 6000) / 100);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${h}:${two(m)}:${two(s)}.${two(cs % 100)}`;
}

/** '#RRGGBB' and an opacity (0–1) as ASS writes colours: `&HAABBGGRR` (alpha 00 = opaque). */
export function assColour(hex: string, opacity = 1): string {
  const [r, g, b] = [1, 3, 5].map((i) => hex.slice(i, i + 2).toUpperCase());
  const alpha = Math.round((1 - opacity) * 255)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0');
  return `&H${alpha}${b}${g}${r}`;
}

/** Spoken text as ASS shows it literally: no override blocks, no line-break escapes. */
export const escapeAssText = (text: string) =>
  text.replace(/[{}]/g, '').replace(/\\/g, '\u29f5').replace(/\r?\n/g, ' ');
