/** One line of a self-check: what was checked, how it stands, and what to do when it is not ok. */
export interface CheckResult {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a `warn` or `fail`. */
  fix?: string;
}

export interface Check {
  name: string;
  run(): Promise<Omit<CheckResult, 'name'>>;
}

/** A check that throws fails with its message; one that hangs fails after `timeoutMs`. */
export async function runChecks(checks: Check[], timeoutMs = 10_000): Promise<CheckResult[]> {
  return Promise.all(
    checks.map(async (check) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        return { name: check.name, ...(await Promise.race([check.run(), timeout])) };
      } catch (err) {
        return { name: check.name, status: 'fail' as const, detail: (err as Error).message };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}

const MARK = { ok: 'OK  ', warn: 'WARN', fail: 'FAIL' };

/** One line per check, aligned, the fix indented under anything that is not ok. */
export function formatReport(results: CheckResult[]): string[] {
  const width = Math.max(...results.map((r) => r.name.length), 0);
  return results.flatMap((r) => [
    `${MARK[r.status]}  ${r.name.padEnd(width)}  ${r.detail}`,
    ...(r.status !== 'ok' && r.fix ? [`      ${' '.repeat(width)}  → ${r.fix}`] : []),
  ]);
}

export const hasFailure = (results: CheckResult[]) => results.some((r) => r.status === 'fail');
