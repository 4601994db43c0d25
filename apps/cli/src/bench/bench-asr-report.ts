export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The bench's table: one row per model, then word-start error per file. */
export function printTable(report: Record<string, unknown>[]): void {
  const rows = report.map((r) => {
    const w = r.wer as Record<string, number>;
    const t = r.wordStartErrorMs as { median: number; p90: number };
    const o = r.wrapperOverhead as {
      ratio: number;
      alignmentSec: number;
      ratioWithAlignment: number;
    } | null;
    return [
      r.model,
      pct(w.overall),
      pct(w.read),
      pct(w.bbc),
      pct(w.grid),
      `${t.median}`,
      `${t.p90}`,
      (r.realTimeFactor as number).toFixed(2),
      o ? `${(r.speedVsRealTimeLongFile as number).toFixed(1)}x` : '-',
      o ? `${o.ratio.toFixed(3)} (${o.ratioWithAlignment.toFixed(3)} aligned)` : '-',
      o ? o.alignmentSec.toFixed(1) : '-',
    ];
  });
  const head = [
    'model',
    'WER all',
    'read',
    'BBC',
    'GRID',
    'start err median ms',
    'p90 ms',
    'RTF corpus',
    'speed 53 s file',
    'wrapper/CLI',
    'alignment s (53 s file)',
  ];
  console.log([head, ...rows].map((r) => (r as string[]).join(' | ')).join('\n'));
  console.log('\nword-start error per file (median / p90 ms, matched words):');
  for (const r of report) {
    const t = r.wordStartErrorMs as {
      perFile: {
        path: string;
        medianMs: number;
        p90Ms: number;
        matched: number;
        referenceWords: number;
      }[];
    };
    for (const f of t.perFile)
      console.log(
        `${String(r.model).padEnd(10)} ${f.path.padEnd(30)} ${f.medianMs} / ${f.p90Ms}  (${f.matched}/${f.referenceWords})`,
      );
  }
}
