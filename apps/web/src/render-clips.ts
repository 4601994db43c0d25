/** The completed job's clips as cards: the video playing inline with captions, why it scored, downloads. */

export interface ClipView {
  index: number;
  title: string;
  score: number;
  duration: number;
  text: string;
  downloadUrl: string;
  srtUrl: string;
  vttUrl: string;
  thumbnailUrl: string | null;
  insights: {
    features: { name: string; contribution: number; reason: string }[];
    hashtags: string[];
  } | null;
}

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function card(clip: ClipView): HTMLElement {
  const video = el('video', {
    controls: true,
    preload: 'metadata',
    src: clip.downloadUrl,
    playsInline: true,
  });
  video.setAttribute('aria-label', `clip ${clip.index + 1}: ${clip.title}`);
  if (clip.thumbnailUrl) video.poster = clip.thumbnailUrl;
  video.append(
    el('track', { kind: 'captions', src: clip.vttUrl, srclang: 'en', label: 'Captions' }),
  );
  const reasons = (clip.insights?.features ?? [])
    .filter((f) => f.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, 3)
    .map((f) => el('li', {}, `${f.name} +${f.contribution.toFixed(1)}: ${f.reason}`));
  return el(
    'article',
    { className: 'clip' },
    video,
    el('h3', {}, `${clip.index + 1}. ${clip.title}`),
    el(
      'p',
      { className: 'muted' },
      el('span', { className: 'score' }, `score ${Math.round(clip.score)}`),
      ` · ${clip.duration.toFixed(1)} s`,
    ),
    el('ul', {}, ...reasons),
    el(
      'div',
      { className: 'downloads' },
      el('a', { href: clip.downloadUrl, download: `clip-${clip.index + 1}.mp4` }, 'MP4'),
      el('a', { href: clip.srtUrl, download: '' }, 'SRT'),
      el('a', { href: clip.vttUrl, download: '' }, 'VTT'),
    ),
  );
}

export function renderClips(container: HTMLElement, clips: ClipView[]): void {
  container.replaceChildren(
    ...(clips.length ? clips.map(card) : [el('p', {}, 'No clips: nothing clip-worthy was said.')]),
  );
}
