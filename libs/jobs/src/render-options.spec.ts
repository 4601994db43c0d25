import { clipOptionErrors, withDefaults } from './clip-options';
import { booleanFieldErrors } from './render-options';

describe('caption and cut options', () => {
  it('defaults to karaoke captions and no cuts', () => {
    const o = withDefaults({});
    expect(o.captions).toEqual({ style: 'karaoke' });
    expect(o.cuts).toBeUndefined();
  });

  it('reads form strings into typed options', () => {
    const o = withDefaults({
      captionStyle: 'bold-pop',
      captionSize: '1.2',
      captionColor: '#FFFFFF',
      captionUppercase: 'false',
      captionEmoji: 'true',
      removeFillers: 'true',
    });
    expect(o.captions).toEqual({
      style: 'bold-pop',
      size: 1.2,
      color: '#FFFFFF',
      uppercase: false,
      emoji: true,
    });
    expect(o.cuts).toEqual({ removeSilences: false, silenceThreshold: 0.6, removeFillers: true });
    expect(clipOptionErrors(o)).toEqual([]);
  });

  it('names every bad field', () => {
    const o = withDefaults({
      captionStyle: 'neon',
      captionFont: 'comic',
      captionSize: '9',
      captionColor: 'red',
      captionPosition: 'left',
      removeSilences: 'true',
      silenceThreshold: '0.01',
    });
    expect(clipOptionErrors(o).join('; ')).toMatch(
      /captionStyle must be one of.*captionFont must be one of.*captionPosition must be one of.*captionSize must be between 0.5 and 2.*captionColor must be a colour.*silenceThreshold must be between/,
    );
    expect(booleanFieldErrors({ captionEmoji: 'yes' })).toEqual([
      'captionEmoji must be true or false',
    ]);
  });
});
