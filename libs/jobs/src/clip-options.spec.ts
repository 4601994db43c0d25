import { clipOptionErrors, DEFAULT_CLIP_OPTIONS, renditionsOf, withDefaults } from './clip-options';

describe('clipOptionErrors', () => {
  it('accepts the defaults', () => {
    expect(clipOptionErrors(DEFAULT_CLIP_OPTIONS)).toEqual([]);
  });

  it('names each broken rule', () => {
    const errors = clipOptionErrors({
      maxClips: 0.5,
      minDuration: 30,
      maxDuration: 20,
      aspectRatio: '3:2' as never,
      language: 'English',
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        'maxClips must be between 1 and 20',
        'maxClips must be an integer',
        'minDuration must be less than maxDuration',
        'aspectRatio must be one of 9:16, 1:1, 4:5, 16:9',
        "language must be 'auto' or an ISO 639-1 code",
      ]),
    );
  });

  it('takes several aspect ratios, the first as the main one', () => {
    const o = withDefaults({ aspectRatios: '1:1, 9:16' });
    expect(o.aspectRatio).toBe('1:1');
    expect(renditionsOf(o)).toEqual(['1:1', '9:16']);
    expect(clipOptionErrors(o)).toEqual([]);
    expect(renditionsOf(withDefaults({}))).toEqual(['9:16']);
  });

  it('refuses unknown, repeated or contradictory aspect ratios', () => {
    const errors = (given: Parameters<typeof withDefaults>[0]) =>
      clipOptionErrors(withDefaults(given)).join('; ');
    expect(errors({ aspectRatios: '9:16,3:2' })).toMatch(/comma-separated list/);
    expect(errors({ aspectRatios: '9:16,9:16' })).toMatch(/not repeat/);
    expect(errors({ aspectRatios: '' })).toMatch(/comma-separated list/);
    expect(errors({ aspectRatio: '9:16', aspectRatios: '1:1,9:16' })).toMatch(/disagree/);
  });
});
