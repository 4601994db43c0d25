/** Conversational speech runs at 2–3 words a second; far fewer means words were not recognised. */
const MIN_WORDS_PER_SPEECH_SEC = 0.5;
const MIN_SPEECH_SEC = 3;

/**
 * What a user must be told about a transcript that cannot be right: speech was detected but no
 * words, or far too few, came out (a whisper-quiet or music-heavy recording, an unexpected
 * language). An empty transcript of audible speech is never a silent success.
 */
export function transcriptWarnings(speechSec: number, words: number): string[] {
  if (speechSec < 1) return [];
  const detected = `${speechSec.toFixed(1)} s of speech`;
  if (words === 0)
    return [`no words were recognised in ${detected}: check the audio and the language`];
  if (speechSec >= MIN_SPEECH_SEC && words / speechSec < MIN_WORDS_PER_SPEECH_SEC)
    return [
      `only ${words} words were recognised in ${detected}: the transcript is likely incomplete ` +
        '(very quiet, music-heavy or unusual audio, or a different language)',
    ];
  return [];
}
