import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { FontFace, fontFilePath } from './font-catalog';

/**
 * A folder holding links to exactly the faces a caption script uses, for the `ass` filter's
 * `fontsdir`: libass reads every file in it for each render, and the CJK faces alone weigh 10 MB
 * each, so a clip gets only what it draws. Same files on every machine, whatever the system has.
 */
export async function linkFontsFolder(dir: string, faces: FontFace[]): Promise<string> {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const files = new Set(faces.map(fontFilePath).filter((f): f is string => !!f));
  for (const file of files) await fs.symlink(file, path.join(dir, path.basename(file)));
  return dir;
}
