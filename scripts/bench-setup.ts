/**
 * What the browser benchmarks (scripts/bench-lab.ts, scripts/bench-notes.ts) share: the run count from
 * the command line, the checks that the site is built and Chromium is there (exit 2 otherwise), and an
 * `astro preview` server that is up before they measure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The runs per measurement from argv[2] (default 3), or exit 2 with the usage line. */
export function runsFromArgs(script: string): number {
  const runs = Number(process.argv[2] ?? 3);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`Usage: node scripts/${script} [runs ≥ 1]; got "${process.argv.slice(2).join(' ')}"`);
    process.exit(2);
  }
  return runs;
}

/** Chromium's path (CHROMIUM_PATH, default /usr/bin/chromium), after checking that `builtPage` exists; exits 2 if either is missing. */
export function checkReady(builtPage: string): string {
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(builtPage)) {
    console.error('The site is not built: run `npm run build` first.');
    process.exit(2);
  }
  if (!existsSync(executablePath)) {
    console.error(`No Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    process.exit(2);
  }
  return executablePath;
}

/** Starts `astro preview` on `port` and resolves once `url` answers (30 s at most). */
export async function startServer(port: number, url: string): Promise<ChildProcess> {
  const server = spawn('astro', ['preview', '--port', String(port), '--host', 'localhost', '--ignore-lock'], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 120; i += 1) {
    try {
      if ((await fetch(url)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`astro preview did not answer on port ${port} within 30 s`);
}
