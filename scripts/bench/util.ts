/** Small helpers for the bench: statistics over samples, child processes, progress lines. */
import { spawn } from 'node:child_process';
import { median as medianOfNumbers } from '../../src/domain/core/statistics';

type Sample = number | null | undefined;

const finite = (values: readonly Sample[]): number[] =>
  values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));

/** The app's median over the samples that are numbers; null for none. */
export function median(values: readonly Sample[]): number | null {
  return medianOfNumbers(finite(values));
}

/** Nearest-rank percentile (p in 0–100) over the samples that are numbers; null for none. */
export function percentile(values: readonly Sample[], p: number): number | null {
  const s = finite(values).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1]!;
}

/** Rounds to `digits` decimals; null (or any non-number) gives null. */
export function round(value: Sample, digits = 1): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Seconds since `start` (a performance.now() value), for progress lines. */
export function since(start: number): string {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion and resolves with its exit code and output. Output is passed
 * through to stderr when `echo` is set. Rejects only if the command cannot be started.
 */
export function run(
  command: string,
  args: readonly string[],
  { env = process.env, echo = false }: { env?: NodeJS.ProcessEnv; echo?: boolean } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (echo) process.stderr.write(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
