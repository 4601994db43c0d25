import { isEnglishOnlyModel, languageError, WHISPER_LANGUAGES } from './whisper-languages';

describe('languageError', () => {
  it('accepts auto and the languages Whisper knows', () => {
    expect(languageError('auto', 'base')).toBeNull();
    expect(languageError('de', 'base')).toBeNull();
    expect(languageError('haw', 'base-q8_0')).toBeNull();
    expect(WHISPER_LANGUAGES).toHaveLength(100);
  });

  it('names a code Whisper does not know', () => {
    expect(languageError('zzz', 'base')).toMatch(/"zzz" is not one Whisper knows/);
  });

  it('holds English-only models to English', () => {
    expect(isEnglishOnlyModel('tiny.en')).toBe(true);
    expect(isEnglishOnlyModel('base.en-q8_0')).toBe(true);
    expect(isEnglishOnlyModel('base')).toBe(false);
    expect(languageError('en', 'tiny.en')).toBeNull();
    expect(languageError('de', 'tiny.en')).toMatch(/English-only model tiny.en/);
  });
});
