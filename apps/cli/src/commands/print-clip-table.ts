import type { ClipEntity } from '@app/persistence';

const clock = (s: number) => `${Math.floor(s / 60)}:${(s % 60).toFixed(1).padStart(4, '0')}`;

export function printClipTable(clips: ClipEntity[]): void {
  if (!clips.length) {
    console.log('No clips: the video has no recognisable speech.');
    return;
  }
  console.log(
    ['#', 'file', 'start', 'end', 'dur', 'score', 'title'].join('\t') +
      '\n' +
      clips
        .map((c) =>
          [
            c.index + 1,
            c.videoFilename,
            clock(c.start),
            clock(c.end),
            `${(c.end - c.start).toFixed(1)}s`,
            c.score.toFixed(1),
            c.title,
          ].join('\t'),
        )
        .join('\n'),
  );
}

/** Why each clip scored as it did: one line per feature. */
export function printClipReasons(clips: ClipEntity[]): void {
  for (const c of clips) {
    if (!c.insights) continue;
    console.log(
      `\n${c.index + 1}. ${c.title} — ${c.score.toFixed(1)}/100 ${c.insights.hashtags.join(' ')}`,
    );
    for (const f of c.insights.features)
      console.log(`   ${f.name.padEnd(10)} +${f.contribution.toFixed(1).padStart(4)}  ${f.reason}`);
  }
}
