import * as path from 'node:path';

/**
 * A script that runs on its own (a child process's or a worker thread's entry), compiled beside
 * the module that starts it: `name` is its compiled file name and `dirname`/`filename` the
 * caller's. In the build that is the sibling file; specs run the sources, which have no compiled
 * sibling, so they use the build's copy (`dist/` mirrors the source tree).
 */
export function compiledScript(dirname: string, filename: string, name: string): string {
  if (filename.endsWith('.js')) return path.join(dirname, name);
  const inDist = dirname.replace(
    /([\\/])(libs|apps)([\\/])(?!.*[\\/](libs|apps)[\\/])/,
    '$1dist$1$2$3',
  );
  return path.join(inDist, name);
}
