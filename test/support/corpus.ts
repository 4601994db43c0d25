import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared test corpus lives beside the project, never inside it. */
export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
export const corpusPath = (rel: string) => path.join(CORPUS_DIR, rel);
export const hasCorpus = fs.existsSync(path.join(CORPUS_DIR, 'references.tsv'));

/** `describe` that skips, saying why, when ../shared/corpus is absent. */
export const describeWithCorpus: jest.Describe = hasCorpus
  ? describe
  : (((name: string, fn: () => void) =>
      describe.skip(
        `${name} (skipped: no test corpus at ${CORPUS_DIR})`,
        fn,
      )) as unknown as jest.Describe);

export function referenceText(rel: string): string {
  const rows = fs.readFileSync(path.join(CORPUS_DIR, 'references.tsv'), 'utf8').split('\n');
  const row = rows.find((r) => r.startsWith(`${rel}\t`));
  if (!row) throw new Error(`no reference for ${rel}`);
  return row.split('\t')[1];
}
