import { spawn } from 'node:child_process';
import { dieWithParent } from './parent-death';

export interface RunProcessOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Called for each stderr line (ffmpeg and whisper.cpp report progress there). */
  onStderrLine?: (line: string) => void;
  cwd?: string;
  /** Keep at most this many bytes of stdout (default 32 MiB). */
  maxStdoutBytes?: number;
}

export interface ProcessResult {
  stdout: string;
  stderrTail: string;
}

export class ProcessFailedError extends Error {
  constructor(
    readonly command: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
    readonly reason: 'exit' | 'aborted' | 'timeout' | 'spawn',
  ) {
    super(
      reason === 'exit'
        ? `${command} exited with code ${exitCode}: ${stderrTail.trim().split('\n').slice(-3).join(' | ')}`
        : `${command} ${reason === 'spawn' ? 'could not start' : reason}: ${stderrTail.trim().slice(-300)}`,
    );
  }
}

const STDERR_TAIL_BYTES = 8192;

/**
 * Runs a command as a child process in its own process group, so that abort or timeout kills the
 * whole tree (SIGTERM, then SIGKILL), and never blocks the event loop. The child also dies if this
 * process dies without a chance to clean up (see parent-death.ts).
 */
export function runProcess(
  command: string,
  args: string[],
  options: RunProcessOptions = {},
): Promise<ProcessResult> {
  const name = command.split('/').pop() ?? command;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ProcessFailedError(name, null, '', 'aborted'));
      return;
    }
    const launch = dieWithParent(command, args);
    const child = spawn(launch.command, launch.args, {
      cwd: options.cwd,
      env: launch.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderrTail = '';
    let pending = '';
    let reason: 'exit' | 'aborted' | 'timeout' = 'exit';
    const maxStdout = options.maxStdoutBytes ?? 32 * 1024 * 1024;

    const kill = (why: 'aborted' | 'timeout') => {
      reason = why;
      const pid = child.pid;
      if (!pid) return;
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 2000).unref();
    };
    const onAbort = () => kill('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = options.timeoutMs
      ? setTimeout(() => kill('timeout'), options.timeoutMs)
      : undefined;

    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < maxStdout) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-STDERR_TAIL_BYTES);
      if (!options.onStderrLine) return;
      pending += chunk;
      const lines = pending.split(/\r\n|\r|\n/);
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) options.onStderrLine(line);
    });
    const finish = () => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };
    child.on('error', (err) => {
      finish();
      reject(new ProcessFailedError(name, null, err.message, 'spawn'));
    });
    child.on('close', (code) => {
      finish();
      if (pending && options.onStderrLine) options.onStderrLine(pending);
      if (reason === 'exit' && code === 0) resolve({ stdout, stderrTail });
      else reject(new ProcessFailedError(name, code, stderrTail, reason));
    });
  });
}
