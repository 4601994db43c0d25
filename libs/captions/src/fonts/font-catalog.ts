import * as path from 'node:path';

/** A font file that ships with the project (an npm package), as libass and the measurer see it. */
export interface FontFace {
  /** The name an ASS style or `\fn` asks for: the face's family name. */
  family: string;
  /** Whether the face is the family's bold one (ASS asks for it with Bold = -1 / `\b1`). */
  bold: boolean;
  /** Package and path inside it. */
  pkg: string;
  file: string;
}

const google = (name: string, file: string): Pick<FontFace, 'pkg' | 'file'> => ({
  pkg: `@expo-google-fonts/${name}`,
  file,
});

/** Faces a caption style may name (the `captionFont` option). */
export const CAPTION_FONTS = {
  montserrat: {
    family: 'Montserrat ExtraBold',
    bold: false,
    ...google('montserrat', '800ExtraBold/Montserrat_800ExtraBold.ttf'),
  },
  'montserrat-black': {
    family: 'Montserrat Black',
    bold: false,
    ...google('montserrat', '900Black/Montserrat_900Black.ttf'),
  },
  'montserrat-semibold': {
    family: 'Montserrat SemiBold',
    bold: false,
    ...google('montserrat', '600SemiBold/Montserrat_600SemiBold.ttf'),
  },
  dejavu: {
    family: 'DejaVu Sans',
    bold: true,
    pkg: 'dejavu-fonts-ttf',
    file: 'ttf/DejaVuSans-Bold.ttf',
  },
} satisfies Record<string, FontFace>;

export type CaptionFontId = keyof typeof CAPTION_FONTS;
export const CAPTION_FONT_IDS = Object.keys(CAPTION_FONTS) as CaptionFontId[];

/** Emoji are drawn from this face first (monochrome outlines, which libass can draw). */
export const EMOJI_FONT: FontFace = {
  family: 'Noto Emoji',
  bold: true,
  ...google('noto-emoji', '700Bold/NotoEmoji_700Bold.ttf'),
};

/**
 * Where a word's script is missing from the chosen face, the first of these that has every one of
 * its characters draws it (CJK, Arabic, Devanagari, Thai, symbols, emoji): never a tofu box.
 */
export const FALLBACK_FONTS: FontFace[] = [
  {
    family: 'Noto Sans SC',
    bold: true,
    ...google('noto-sans-sc', '700Bold/NotoSansSC_700Bold.ttf'),
  },
  {
    family: 'Noto Sans KR',
    bold: true,
    ...google('noto-sans-kr', '700Bold/NotoSansKR_700Bold.ttf'),
  },
  {
    family: 'Noto Sans Arabic',
    bold: true,
    ...google('noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
  },
  {
    family: 'Noto Sans Devanagari',
    bold: true,
    ...google('noto-sans-devanagari', '700Bold/NotoSansDevanagari_700Bold.ttf'),
  },
  {
    family: 'Noto Sans Thai',
    bold: true,
    ...google('noto-sans-thai', '700Bold/NotoSansThai_700Bold.ttf'),
  },
  CAPTION_FONTS.dejavu,
  EMOJI_FONT,
];

/** The face's file on disk, or undefined when its package is not installed. */
export function fontFilePath(face: FontFace): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), face.file);
  } catch {
    return undefined;
  }
}
