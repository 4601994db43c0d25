import type { LoggerService } from '@nestjs/common';
import type { CheckResult } from './check';

/** A start-up self-check in the process log: one line per check, at the level it deserves. */
export function logReport(logger: LoggerService, results: CheckResult[]): void {
  for (const r of results) {
    const line = `${r.name}: ${r.detail}${r.status !== 'ok' && r.fix ? ` → ${r.fix}` : ''}`;
    if (r.status === 'ok') logger.log(line);
    else if (r.status === 'warn') logger.warn(line);
    else logger.error(line);
  }
}
