import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { runProcess } from '@app/media';
import { alignmentTokens } from './alignment-tokens';
import {
  AlignmentWindow,
  AlignOptions,
  AlignedWord,
  WindowAlignment,
  WordAligner,
} from './word-aligner';

export interface PocketSphinxAlignerOptions {
  /** A Python with the `pocketsphinx` package (set-up installs it in .cache/venv). */
  python: string;
  /** scripts/align/pocketsphinx_align.py */
  script: string;
  /**
   * Processes that share the windows (PocketSphinx is single-threaded): the cores one job may
   * use, as for Whisper's threads.
   */
  processes?: number;
}

/** Below this much audio a second process costs more (start, model load) than it saves. */
const MIN_SEC_PER_PROCESS = 60;

interface ScriptResult {
  windows: ({ words: AlignedWord[] } | { error: string })[];
}

/**
 * Forced alignment with PocketSphinx's CMU en-us acoustic model, run as a cancellable child
 * process over all windows of a transcript at once (model load once, windows one at a time).
 */
export class PocketSphinxAligner extends WordAligner {
  readonly name = 'pocketsphinx-en-us';
  private ready: Promise<boolean> | null = null;

  constructor(private readonly options: PocketSphinxAlignerOptions) {
    super();
  }

  supports(language: string): boolean {
    return language === 'en';
  }

  isReady(): Promise<boolean> {
    this.ready ??= (async () => {
      try {
        await fs.access(this.options.script);
        await runProcess(this.options.python, ['-c', 'import pocketsphinx'], { timeoutMs: 30_000 });
        return true;
      } catch {
        return false;
      }
    })();
    return this.ready;
  }

  async align(
    wavPath: string,
    windows: AlignmentWindow[],
    options: AlignOptions = {},
  ): Promise<WindowAlignment[]> {
    if (!windows.length) return [];
    const total = windows.reduce((sum, w) => sum + w.end - w.start, 0);
    const n = Math.max(
      1,
      Math.min(this.options.processes ?? 1, Math.floor(total / MIN_SEC_PER_PROCESS)),
    );
    const groups = splitByDuration(windows, n);
    const results = await Promise.all(groups.map((g) => this.alignGroup(wavPath, g, options)));
    return results.flat();
  }

  private async alignGroup(
    wavPath: string,
    windows: AlignmentWindow[],
    options: AlignOptions,
  ): Promise<WindowAlignment[]> {
    const dir = await fs.mkdtemp(path.join(path.dirname(wavPath), '.align-'));
    try {
      const request = path.join(dir, 'request.json');
      const result = path.join(dir, 'result.json');
      await fs.writeFile(
        request,
        JSON.stringify({
          wav: wavPath,
          windows: windows.map(({ start, end, words }) => ({
            start,
            end,
            words: words.map(alignmentTokens),
          })),
        }),
      );
      await runProcess(this.options.python, [this.options.script, request, result], {
        signal: options.signal,
        maxStdoutBytes: 0,
      });
      const parsed = JSON.parse(await fs.readFile(result, 'utf8')) as ScriptResult;
      return windows.map((w, i) => {
        const r = parsed.windows[i];
        return r && 'words' in r && r.words.length === w.words.length ? r.words : null;
      });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

/** `n` runs of consecutive windows with about equal audio each, in order. */
export function splitByDuration(windows: AlignmentWindow[], n: number): AlignmentWindow[][] {
  const total = windows.reduce((sum, w) => sum + w.end - w.start, 0);
  const groups: AlignmentWindow[][] = [[]];
  let acc = 0;
  for (const w of windows) {
    if (acc >= (total * groups.length) / n && groups.length < n) groups.push([]);
    groups[groups.length - 1].push(w);
    acc += w.end - w.start;
  }
  return groups.filter((g) => g.length);
}
