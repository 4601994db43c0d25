import * as fontkit from 'fontkit';
import { FALLBACK_FONTS, FontFace, fontFilePath } from './font-catalog';

interface LoadedFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
}

/** A run of text and the face that draws it. */
export interface FaceRun {
  text: string;
  face: FontFace;
}

/**
 * Measures text as libass will draw it (the same font files, advance widths with kerning) and
 * picks, per word, a face that has all of its characters. Fonts are read once per process.
 */
export class FontBook {
  private readonly loaded = new Map<string, LoadedFont | null>();

  private font(face: FontFace): LoadedFont | null {
    const key = `${face.pkg}/${face.file}`;
    if (!this.loaded.has(key)) {
      const file = fontFilePath(face);
      this.loaded.set(key, file ? (fontkit.openSync(file) as unknown as LoadedFont) : null);
    }
    return this.loaded.get(key)!;
  }

  /** Whether the face is installed and has a glyph for every character (spaces aside). */
  covers(face: FontFace, text: string): boolean {
    const font = this.font(face);
    if (!font) return false;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      // Joiners and variation selectors shape emoji and Indic text; they need no glyph of their own.
      if (/\s/.test(ch) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f)) continue;
      if (!font.hasGlyphForCodePoint(cp)) return false;
    }
    return true;
  }

  /** The chosen face when it covers the word, else the first fallback that does (else the chosen). */
  faceFor(word: string, primary: FontFace): FontFace {
    if (this.covers(primary, word)) return primary;
    return FALLBACK_FONTS.find((f) => this.covers(f, word)) ?? primary;
  }

  /** Width in pixels of `text` in `face` at `sizePx` (the ASS font size: the em height). */
  width(text: string, face: FontFace, sizePx: number): number {
    const font = this.font(face);
    if (!font) return text.length * sizePx * 0.6;
    return (font.layout(text).advanceWidth / font.unitsPerEm) * sizePx;
  }

  /** Width of a word split into runs by face (a word may mix scripts only through fallback). */
  runsWidth(runs: FaceRun[], sizePx: number): number {
    return runs.reduce((sum, r) => sum + this.width(r.text, r.face, sizePx), 0);
  }
}
