import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  parseGridAlign,
  parseLrs2Timings,
  parseStmSegmentStarts,
  TimedToken,
} from '@app/transcription';

export type FileCategory = 'read' | 'conversational' | 'bbc' | 'grid';

export interface ReferenceFile {
  path: string;
  text: string;
  category: FileCategory;
}

/**
 * `read`: speech/ files read aloud (audiobooks, FLEURS, JFK); `conversational`: the three-speaker
 * clip; `bbc`: video/lrs2_*; `grid`: GRID command sentences.
 */
export function categoryOf(rel: string): FileCategory {
  if (rel.startsWith('video/lrs2_')) return 'bbc';
  if (rel.startsWith('video/grid_')) return 'grid';
  if (rel.includes('diarization')) return 'conversational';
  return 'read';
}

export function readReferences(corpus: string): ReferenceFile[] {
  return fs
    .readFileSync(path.join(corpus, 'references.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .map(([rel, text]) => ({ path: rel, text, category: categoryOf(rel) }));
}

/** Media with human word (or utterance) timings in the corpus, and how to read them. */
export function timingReferences(corpus: string): { path: string; words: TimedToken[] }[] {
  const read = (rel: string) => fs.readFileSync(path.join(corpus, rel), 'utf8');
  return [
    { path: 'video/lrs2_00016.mp4', words: parseLrs2Timings(read('video/lrs2_00016.txt')) },
    { path: 'video/grid_id2_swwp2s.mpg', words: parseGridAlign(read('video/grid_swwp2s.align')) },
    {
      path: 'speech/pyannote_sample.wav',
      words: parseStmSegmentStarts(read('speech/pyannote_sample.stm')),
    },
  ];
}
