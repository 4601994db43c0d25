import * as path from 'node:path';

/** The TrueType folder of the `dejavu-fonts-ttf` package, so burned captions never depend on system fonts. */
export function bundledFontsDir(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  } catch {
    return undefined;
  }
}
