/** The language codes Whisper's multilingual models know (whisper.cpp's table). */
export const WHISPER_LANGUAGES: readonly string[] = (
  'en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur ' +
  'hr bg lt la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si ' +
  'km sn yo so af oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ' +
  'ba jw su yue'
).split(' ');

/** English-only checkpoints (`tiny.en`, `base.en-q8_0`, …) transcribe nothing else. */
export const isEnglishOnlyModel = (model: string): boolean => /\.en($|[-_.])/.test(model);

/**
 * Why `language` cannot be asked of `model`, or null when it can. Checked before a job exists, so
 * a typo fails at once instead of three times inside Whisper.
 */
export function languageError(language: string, model: string): string | null {
  if (language === 'auto') return null;
  if (isEnglishOnlyModel(model))
    return language === 'en'
      ? null
      : `language "${language}" is not supported by the English-only model ${model}; use 'en' or 'auto'`;
  return WHISPER_LANGUAGES.includes(language)
    ? null
    : `language "${language}" is not one Whisper knows; use an ISO 639-1 code such as 'en', or 'auto'`;
}
