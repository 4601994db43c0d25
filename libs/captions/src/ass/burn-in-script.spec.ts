import { CAPTION_PRESETS } from '../style/caption-options';
import { sizeCaptionStyle } from '../style/sized-style';
import { EMOJI_BY_WORD } from '../emphasis/emoji-map';
import { FontBook } from '../fonts/font-book';
import { FALLBACK_FONTS } from '../fonts/font-catalog';
import { burnInScript } from './burn-in-script';

const words =
  'So the secret of startups is that growth beats everything else and it always will so keep growing every single week'
    .split(' ')
    .map((text, i) => ({ text, start: i * 0.3, end: i * 0.3 + 0.25 }));
const VERTICAL = { width: 1080, height: 1920 };
const dialogues = (ass: string) => ass.split('\n').filter((l) => l.startsWith('Dialogue:'));

describe('burnInScript', () => {
  it('burns nothing for the none style', () => {
    expect(burnInScript(words, { style: 'none' }, VERTICAL)).toBeNull();
  });

  it.each(CAPTION_PRESETS.filter((p) => p !== 'none'))(
    '%s: every word shown once per page, lines broken by hand, inside the safe area',
    (style) => {
      const s = burnInScript(words, { style }, VERTICAL, ['startup growth'])!;
      expect(s.ass).toContain('WrapStyle: 2');
      const lines = dialogues(s.ass);
      expect(lines.length).toBeGreaterThan(1);
      const marginV = Number(s.ass.match(/^Style: Caption,(?:[^,]*,){20}(\d+)/m)![1]);
      expect(marginV).toBeGreaterThanOrEqual(1920 * 0.2);
      for (const line of lines) expect(line.split('\\N').length).toBeLessThanOrEqual(2);
    },
  );

  it('karaoke: one event per word, the spoken word coloured and popping', () => {
    const s = burnInScript(words.slice(0, 3), { style: 'karaoke' }, VERTICAL)!;
    const lines = dialogues(s.ass);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/Dialogue: 1,0:00:00\.30,0:00:00\.60,/);
    expect(lines[1]).toMatch(
      /So \{\\1c&H0000D4FF\\t\(0,70,\\fscx112\\fscy112\)\\t\(70,200,\\fscx100\\fscy100\)\}the\{\\1c&H00FFFFFF\} secret/,
    );
  });

  it('minimal: one event per page, no highlight', () => {
    const s = burnInScript(words, { style: 'minimal' }, VERTICAL)!;
    expect(s.ass).not.toContain('\\t(');
    expect(dialogues(s.ass).length).toBeLessThan(4);
  });

  it('bold-pop: upper case, at most three words a page', () => {
    const s = burnInScript(words, { style: 'bold-pop' }, VERTICAL)!;
    for (const line of dialogues(s.ass)) {
      const text = line
        .split(',,')[1]
        .replace(/\{[^}]*\}/g, '')
        .replace(/\\N/g, ' ');
      expect(text).toBe(text.toUpperCase());
      expect(text.split(' ').length).toBeLessThanOrEqual(3);
    }
  });

  it('boxed: one translucent box a line on a layer under the coloured text', () => {
    const s = burnInScript(words, { style: 'boxed' }, VERTICAL)!;
    // Text transparent, box colour 62 % opaque, BorderStyle 3.
    expect(s.ass).toMatch(/^Style: Box,(?:[^,]*,){2}&HFFFFFFFF,[^,]*,&H61000000,(?:[^,]*,){9}3,/m);
    const boxes = dialogues(s.ass).filter(
      (l) => l.startsWith('Dialogue: 0,') && l.includes(',Box,'),
    );
    expect(boxes.length).toBeGreaterThan(0);
    // The box layer has no colour changes: each would start a new, overlapping box.
    for (const b of boxes) expect(b).not.toContain('\\1c');
  });

  it('emphasises key terms and appends a mapped emoji in a face that has it', () => {
    const s = burnInScript(
      [
        { text: 'Coffee', start: 0, end: 0.5 },
        { text: 'time', start: 0.5, end: 1 },
      ],
      { style: 'minimal', emphasis: true, emoji: true, emphasisColor: '#FF0000' },
      VERTICAL,
      ['coffee'],
    )!;
    expect(dialogues(s.ass)[0]).toContain('{\\1c&H000000FF}Coffee{\\fnNoto Emoji\\b1} ☕');
    expect(s.faces.map((f) => f.family)).toContain('Noto Emoji');
  });

  it('draws scripts the chosen face lacks with a fallback face', () => {
    const s = burnInScript(
      [
        { text: '你好', start: 0, end: 0.5 },
        { text: 'नमस्ते', start: 0.5, end: 1 },
      ],
      { style: 'karaoke' },
      VERTICAL,
    )!;
    expect(s.ass).toContain('{\\fnNoto Sans SC\\b1}你好');
    expect(s.ass).toContain('{\\fnNoto Sans Devanagari\\b1}नमस्ते');
  });

  it('sets a page with a word wider than a line in a smaller size instead of cutting it', () => {
    const s = burnInScript(
      [{ text: 'Pneumonoultramicroscopicsilicovolcanoconiosis', start: 0, end: 1 }],
      { style: 'bold-pop' },
      VERTICAL,
    )!;
    const size = Number(dialogues(s.ass)[0].match(/\\fs(\d+)/)![1]);
    expect(size).toBeLessThan(sizeCaptionStyle({ style: 'bold-pop' }, VERTICAL)!.fontSize);
  });

  it('scales text with the frame and applies overrides', () => {
    const square = sizeCaptionStyle(
      { style: 'karaoke', size: 1.5, position: 'top' },
      { width: 1080, height: 1080 },
    )!;
    const vertical = sizeCaptionStyle({ style: 'karaoke' }, VERTICAL)!;
    expect(square.fontSize).toBeCloseTo(vertical.fontSize * 1.5, -1);
    expect(square.position).toBe('top');
    expect(square.marginV).toBeGreaterThanOrEqual(1080 * 0.08);
  });

  it('every mapped emoji is in the Basic Multilingual Plane and drawn by a bundled face', () => {
    const fonts = new FontBook();
    for (const emoji of Object.values(EMOJI_BY_WORD)) {
      expect(emoji.codePointAt(0)!).toBeLessThan(0x10000);
      expect(FALLBACK_FONTS.some((f) => fonts.covers(f, emoji))).toBe(true);
    }
  });
});
