import * as fs from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The clipgen checkout or install folder (the nearest package.json named "clipgen" above this
 * file), so models and binaries are found whatever the working directory or `npx` location.
 */
export function projectRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'clipgen') return (cached = dir);
      } catch {
        /* keep walking */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return (cached = process.cwd());
    dir = parent;
  }
}

/** The installed clipgen version (package.json), for heartbeats, metrics and the doctor. */
export function clipgenVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
