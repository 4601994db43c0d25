/** The middle value (upper middle for an even count); robust to a stray detection. */
export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The even number at or below n, at least 2 (yuv420p crops need even sizes). */
export const evenFloor = (n: number) => Math.max(2, Math.floor(n / 2) * 2);
