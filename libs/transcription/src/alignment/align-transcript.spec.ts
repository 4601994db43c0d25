import { ProcessFailedError } from '@app/media';
import type { TranscriptSegment } from '../transcript.types';
import { alignTranscript } from './align-transcript';
import { AlignmentWindow, WindowAlignment, WordAligner } from './word-aligner';

/** Scripted aligner: word k of a window 1 s + k × 0.5 s in, failing windows that hold `failOn`. */
class ScriptedAligner extends WordAligner {
  readonly name = 'scripted';
  calls: AlignmentWindow[][] = [];
  constructor(
    private readonly behaviour: { failOn?: string; throws?: Error } = {},
    private readonly ready = true,
  ) {
    super();
  }
  supports(language: string) {
    return language === 'en';
  }
  async isReady() {
    return this.ready;
  }
  async align(_wav: string, windows: AlignmentWindow[]): Promise<WindowAlignment[]> {
    if (this.behaviour.throws) throw this.behaviour.throws;
    this.calls.push(windows);
    return windows.map((w) =>
      w.words.length > 1 && w.words.includes(this.behaviour.failOn ?? '\0')
        ? null
        : w.words.map((_, k) => ({ start: w.start + 1 + k * 0.5, end: w.start + 1.3 + k * 0.5 })),
    );
  }
}

const seg = (start: number, words: string[]): TranscriptSegment => ({
  start,
  end: start + words.length * 0.5,
  text: words.join(' '),
  words: words.map((text, i) => ({
    text,
    start: start + i * 0.5,
    end: start + i * 0.5 + 0.4,
    confidence: 0.9,
  })),
});
const segments = [seg(2, ['one', 'two']), seg(3, ['three', 'odd']), seg(4, ['five'])];
const input = {
  wavPath: '/audio.wav',
  segments,
  language: 'en',
  durationSec: 10,
  fallbackMethod: 'dtw',
};

describe('alignTranscript', () => {
  it('aligns all segments in one window when it can', async () => {
    const aligner = new ScriptedAligner();
    const { wordTiming } = await alignTranscript(aligner, input);
    expect(aligner.calls).toHaveLength(1);
    expect(aligner.calls[0]).toHaveLength(1);
    expect(wordTiming).toEqual({ method: 'forced-alignment:scripted', alignedWords: 5, words: 5 });
  });

  it('retries a failed window segment by segment, so only the bad segment loses alignment', async () => {
    const aligner = new ScriptedAligner({ failOn: 'odd' });
    const { segments: out, wordTiming } = await alignTranscript(aligner, input);
    expect(aligner.calls).toHaveLength(2);
    expect(aligner.calls[1].map((w) => w.words)).toEqual([
      ['one', 'two'],
      ['three', 'odd'],
      ['five'],
    ]);
    expect(wordTiming.alignedWords).toBe(3);
    // The failed segment keeps the engine's times.
    expect(out[1].words.map((w) => w.start)).toEqual([3, 3.5]);
  });

  it('keeps the engine timing for other languages, when not installed, or when it breaks', async () => {
    const other = await alignTranscript(new ScriptedAligner(), { ...input, language: 'de' });
    expect(other.wordTiming).toEqual({ method: 'dtw', alignedWords: 0, words: 5 });
    expect(other.segments).toBe(segments);
    const absent = await alignTranscript(new ScriptedAligner({}, false), input);
    expect(absent.wordTiming.method).toBe('dtw');
    const broken = await alignTranscript(
      new ScriptedAligner({ throws: new Error('python crashed') }),
      input,
    );
    expect(broken.wordTiming).toMatchObject({
      method: 'dtw',
      note: expect.stringContaining('python crashed'),
    });
    expect(broken.segments).toBe(segments);
  });

  it('lets cancellation through', async () => {
    const aborted = new ProcessFailedError('python', null, '', 'aborted');
    await expect(alignTranscript(new ScriptedAligner({ throws: aborted }), input)).rejects.toBe(
      aborted,
    );
  });
});
