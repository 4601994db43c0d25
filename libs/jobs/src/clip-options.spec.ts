import { clipOptionErrors, DEFAULT_CLIP_OPTIONS } from './clip-options';

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
});
