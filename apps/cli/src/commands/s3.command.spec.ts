import { daysFlag, formatBytes } from './s3.command';

describe('clipgen s3 helpers', () => {
  it('takes whole days from a flag and refuses anything else', () => {
    expect(daysFlag(undefined, 'uploads-days', 1)).toBeUndefined();
    expect(daysFlag('14', 'uploads-days', 1)).toBe(14);
    expect(daysFlag('0', 'results-days', 0)).toBe(0);
    expect(() => daysFlag('0', 'uploads-days', 1)).toThrow('--uploads-days wants a whole number');
    expect(() => daysFlag('2.5', 'uploads-days', 1)).toThrow('(got 2.5)');
    expect(() => daysFlag('soon', 'results-days', 0)).toThrow('at least 0');
  });

  it('prints sizes people read', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(120 * 1024 * 1024)).toBe('120.0 MB');
  });
});
