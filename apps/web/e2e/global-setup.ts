/**
 * Starts `vite preview` on 127.0.0.1 at a free port for the browser suite (the `test` script
 * builds first) and stops it afterwards. Fails loudly when Debian's Chromium is
 * missing: the suite must never pass by skipping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { CHROMIUM } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    previewUrl: string;
  }
}

/** A port nothing listens on now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function waitForServer(url: string, child: ChildProcess, log: () => string, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early (code ${child.exitCode}); is the port in use?`);
    try {
      const res = await fetch(url);
      // Only our own child may answer (another checkout's server must never be tested instead).
      // vite colours its banner ("127.0.0.1:\x1b[1m44341\x1b[22m/" under turbo/CI): compare without ANSI codes.
      // eslint-disable-next-line no-control-regex
      if (res.ok && child.exitCode === null && log().replace(/\x1b\[[0-9;]*m/g, '').includes(url.replace(/\/$/, ''))) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's Chromium first: apt-get update && apt-get install -y chromium`);
  }
  if (!existsSync(join(webDir, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `vite build` before the e2e suite (the `test` script does).');
  }
  const port = await freePort();
  const PREVIEW_URL = `http://127.0.0.1:${port}/`;
  const viteBin = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [viteBin, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    cwd: webDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await waitForServer(PREVIEW_URL, child, () => log);
    project.provide('previewUrl', PREVIEW_URL);
  } catch (err) {
    child.kill('SIGTERM');
    throw new Error(`${(err as Error).message}\n${log}`, { cause: err });
  }
  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
}
