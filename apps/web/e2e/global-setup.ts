/**
 * Starts `vite preview` on 127.0.0.1:4180 for the browser suite (the `test` script
 * builds first) and stops it afterwards. Fails loudly when Debian's Chromium is
 * missing: the suite must never pass by skipping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, PREVIEW_URL } from './browser';

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..');

async function waitForServer(url: string, child: ChildProcess, tries = 150): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early (code ${child.exitCode}); is port 4180 in use?`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install Debian's Chromium first: apt-get update && apt-get install -y chromium`);
  }
  if (!existsSync(join(webDir, 'dist', 'index.html'))) {
    throw new Error('apps/web/dist is missing: run `vite build` before the e2e suite (the `test` script does).');
  }
  // Something already answering on the port would be tested instead of this build.
  const busy = await fetch(PREVIEW_URL).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${PREVIEW_URL} is already in use: stop that server (an old \`vite preview\`?) so the suite tests this build.`);
  const viteBin = join(webDir, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [viteBin, 'preview', '--port', '4180', '--strictPort', '--host', '127.0.0.1'], {
    cwd: webDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  try {
    await waitForServer(PREVIEW_URL, child);
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
