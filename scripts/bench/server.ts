/**
 * Build and serve the app for the bench: `npm run build`, then `vite preview` on a free port.
 * The preview server is started with node directly (not npx), so killing it kills vite.
 *
 * Other people's tools on a shared machine have been seen to stop vite preview processes that
 * are not theirs. If the server exits without being asked to, it is started again on the same
 * port (up to MAX_RESTARTS times); `withServer` waits for it and runs a step once more when its
 * page could not connect (see isConnectionError).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { errorMessage, log, run } from './util';

const MAX_RESTARTS = 5;

/** Runs `fn` once the server is up, and once more if it failed because the server went away. */
export type WithServer = <T>(fn: () => Promise<T>) => Promise<T>;

/** For parts that run without the preview server's restart guard. */
export const direct: WithServer = (fn) => fn();

export interface Preview {
  url: string;
  pids: number[];
  readonly restarts: number;
  withServer: WithServer;
  stop: () => Promise<void>;
}

export async function build(): Promise<void> {
  const { code, stdout, stderr } = await run('npm', ['run', 'build']);
  if (code !== 0) {
    process.stderr.write(stdout + stderr);
    throw new Error(`npm run build failed with exit code ${code}`);
  }
}

/** A port that was free a moment ago (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`vite preview exited (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** True for the errors a page gets when the server has gone away. */
export function isConnectionError(error: unknown): boolean {
  return /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ECONNREFUSED|FAILED_DOCUMENT_REQUEST|ERRORED_DOCUMENT_REQUEST/.test(
    errorMessage(error),
  );
}

/** Starts `vite preview` of `distDir` on a free port; `stop()` is safe to call twice. */
export async function startPreview(distDir = 'dist'): Promise<Preview> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const args = [
    'node_modules/vite/bin/vite.js',
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
    '--outDir',
    distDir,
  ];
  const state: {
    child: ChildProcess | null;
    stopped: boolean;
    starting: Promise<void>;
    restarts: number;
    pids: number[];
  } = { child: null, stopped: false, starting: Promise.resolve(), restarts: 0, pids: [] };

  const spawnServer = (): Promise<void> => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    state.child = child;
    if (child.pid !== undefined) state.pids.push(child.pid);
    child.once('exit', (code, signal) => {
      if (state.stopped || state.child !== child) return;
      log(`vite preview (pid ${child.pid}) exited unexpectedly: code ${code}, signal ${signal}`);
      if (output.trim()) process.stderr.write(`${output.trim().slice(-1000)}\n`);
      if (state.restarts >= MAX_RESTARTS) return;
      state.restarts += 1;
      state.starting = spawnServer();
    });
    return waitForHttp(url, child, 30_000).then(() =>
      log(`vite preview (pid ${child.pid}) at ${url}`),
    );
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      state.stopped = true;
      const child = state.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });

  state.starting = spawnServer();
  try {
    await state.starting;
  } catch (error) {
    await stop();
    throw error;
  }
  const withServer: WithServer = async (fn) => {
    await state.starting;
    try {
      return await fn();
    } catch (error) {
      if (state.stopped || !isConnectionError(error)) throw error;
      log('the preview server went away; waiting for it and running that step once more');
      await new Promise((r) => setTimeout(r, 1000));
      await state.starting;
      return fn();
    }
  };

  return {
    url,
    pids: state.pids,
    get restarts() {
      return state.restarts;
    },
    withServer,
    stop,
  };
}
