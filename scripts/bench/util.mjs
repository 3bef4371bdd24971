// Small helpers shared by the bench: statistics, formatting, child processes, logging.
import { spawn } from 'node:child_process';

/** Median; the mean of the two middle values for an even count; null for none. */
export function median(values) {
  const s = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100); null for none. */
export function percentile(values, p) {
  const s = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1];
}

/** Rounds to `digits` decimals; null stays null. */
export function round(value, digits = 1) {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Runs a command to completion and resolves with its exit code and output. Output is passed
 * through to stderr when `echo` is set. Rejects only if the command cannot be started.
 */
export function run(command, args, { env = process.env, echo = false, cwd = process.cwd() } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (echo) process.stderr.write(d);
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Seconds since `start` (a performance.now() value), for progress lines. */
export function since(start) {
  return `${((performance.now() - start) / 1000).toFixed(1)} s`;
}
