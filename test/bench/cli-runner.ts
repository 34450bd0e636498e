import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { keyChooser } from '../../src-main/cli/key-choice';
import { runnerDepsOf } from '../../src-main/cli/main';
import { runCollection } from '../../src-main/cli/run-collection';
import type { RunReport } from '../../src-main/cli/run-report';
import { getRequest, writeCollection } from '../integration/cli/cli-helpers';
import type { Bench, BenchRow } from './bench';
import { startRig, type BenchRig } from './bench-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const REQUESTS = 500;
const OVERHEAD_GOAL = 1.15;
const PACING_GOAL = 1.05;
/** Rounds of each kind, interleaved; the fastest of each counts (a loaded 2-core machine). */
const ROUNDS = 5;
// The pacing bucket: 10 to start with, then one token every 100 ms; ~49 s for 500 requests.
const CAPACITY = 10;
const REFILL = 10;
const WINDOW_MS = 1000;

/** A collection of `n` GETs of /v1/conversations?limit=25, each with a status test. */
function collectionOf(dir: string, n: number): string {
  const files: Record<string, string> = { 'collection.yaml': 'name: Bench\n' };
  for (let i = 0; i < n; i++) files[`r${String(i).padStart(4, '0')}.request.yaml`] = getRequest(`Request ${String(i).padStart(4, '0')}`, '/v1/conversations', i, '  - status: 200\n', 'query:\n  limit: "25"\n');
  return writeCollection(join(dir, `collection-${n}`), files);
}

/** Open the collection on the rig's core (not timed: collection-open measures that). */
async function openOn(rig: BenchRig, folder: string): Promise<void> {
  const opened = await rig.core.collections.open(folder);
  if (!opened.ok) throw new Error(opened.problem.message);
}

/** The runner on the rig's core over the open collection, as main.ts wires it (keys chosen by name). */
async function runOnRig(rig: BenchRig, folder: string): Promise<RunReport> {
  const opened = rig.core.collections.snapshot();
  if (!opened.ok) throw new Error(opened.problem.message);
  const records = rig.core.keys.list().map((k) => rig.core.keys.find(k.id));
  return runCollection(runnerDepsOf(rig.core), {
    folder,
    collection: opened.value.collection,
    tree: opened.value.tree,
    readRequest: (path) => {
      const read = rig.core.collections.readRequest(path);
      if (!read.ok) throw new Error(read.problem.message);
      return read.value.request;
    },
    environment: 'sandbox',
    keys: keyChooser(records, 'sandbox', 'bench'),
    bail: false,
  });
}

function timeChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - start) : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err.slice(0, 300)}`)))),
  );
}

/**
 * The command line runner: (1) its overhead, 500 sequential requests of a collection through the
 * runner (resolve, engine, pacer, tests) against raw undici to the same sandbox route, with a
 * bucket too big to empty; (2) the cold start of `npm run cli -- run` for one request against
 * `node -e ''` (no goal yet); (3) 500 requests against a small bucket: zero 429 and the time
 * over the token bucket's minimum.
 */
export const cliRunner: Bench = {
  name: 'cli-runner',
  async run({ log }): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helplane-bench-cli-'));
    const rows: BenchRow[] = [];
    try {
      const many = collectionOf(dir, REQUESTS);
      const one = collectionOf(dir, 1);
      // The core as the runner builds it (cli-core.ts): no History.
      const rig = await startRig(['--rate-capacity', '1000000000', '--rate-refill', '1000000000'], undefined, { keepHistory: false });
      const agent = new Agent();
      try {
        const raw = async () => {
          const start = performance.now();
          for (let i = 0; i < REQUESTS; i++) {
            const res = await request(`${rig.baseUrl}/v1/conversations?limit=25`, { headers: { 'x-api-key': rig.secret, accept: 'application/json' }, dispatcher: agent });
            const text = await res.body.text();
            if (res.statusCode !== 200 || text.length === 0) throw new Error(`raw request failed: ${res.statusCode}`);
          }
          return (performance.now() - start) / REQUESTS;
        };
        const runner = async () => {
          const start = performance.now();
          const report = await runOnRig(rig, many);
          const ms = (performance.now() - start) / REQUESTS;
          if (report.summary.passed !== REQUESTS) throw new Error(`the runner's requests did not all pass: ${JSON.stringify(report.summary)}`);
          return ms;
        };
        await openOn(rig, many);
        log(`warming up, then ${REQUESTS} sequential requests each way, alternating ${ROUNDS} times (the collection opened once, before)`);
        await raw();
        await runner();
        let rawMs = Infinity;
        let runnerMs = Infinity;
        for (let round = 0; round < ROUNDS; round++) {
          rawMs = Math.min(rawMs, await raw());
          runnerMs = Math.min(runnerMs, await runner());
        }
        const ratio = runnerMs / rawMs;
        rows.push(
          { name: 'runner, per request', value: Number(runnerMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
          { name: 'raw undici, per request', value: Number(rawMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
          { name: 'runner / raw time (500 sequential requests)', value: Number(ratio.toFixed(3)), unit: 'ratio', goal: `<= ${OVERHEAD_GOAL}`, met: ratio <= OVERHEAD_GOAL },
        );

        log('cold start: npm run -s cli -- run (one request) against node -e "" (best of 3)');
        // The rig's sandbox reached as a custom server through HELPLANE_API_KEY: no keychain in the measure.
        const env = { ...process.env, HELPLANE_API_KEY: rig.secret, HELPLANE_BASE_URL: rig.baseUrl, XDG_CONFIG_HOME: join(dir, 'xdg') };
        let cliMs = Infinity;
        let nodeMs = Infinity;
        for (let i = 0; i < 3; i++) {
          nodeMs = Math.min(nodeMs, await timeChild(process.execPath, ['-e', ''], env));
          cliMs = Math.min(cliMs, await timeChild('npm', ['run', '-s', 'cli', '--', 'run', one, '--reporter', 'json'], env));
        }
        rows.push(
          { name: 'cold start, npm run cli -- run (1 request)', value: Math.round(cliMs), unit: 'ms', goal: '-', met: true },
          { name: 'cold start, node -e ""', value: Math.round(nodeMs), unit: 'ms', goal: '-', met: true },
          { name: 'cold start, runner / node', value: Number((cliMs / nodeMs).toFixed(2)), unit: 'ratio', goal: '-', met: true },
        );
      } finally {
        await agent.close();
        await rig.close();
      }

      const small = await startRig(['--rate-capacity', String(CAPACITY), '--rate-refill', String(REFILL), '--rate-window-ms', String(WINDOW_MS)], undefined, { keepHistory: false });
      try {
        // Adding the key spent a token: let the bucket fill so the minimum below is exact.
        await new Promise((r) => setTimeout(r, (CAPACITY * WINDOW_MS) / REFILL + 200));
        log(`${REQUESTS} requests with a bucket of ${CAPACITY}, ${REFILL} per ${WINDOW_MS} ms`);
        await openOn(small, many);
        const started = Date.now();
        const report = await runOnRig(small, many);
        const elapsedMs = Date.now() - started;
        const sends = report.requests.reduce((n, r) => n + r.attempts, 0);
        const minimumMs = (Math.max(0, sends - CAPACITY) * WINDOW_MS) / REFILL;
        const efficiency = elapsedMs / minimumMs;
        rows.push(
          { name: 'paced run 429 responses (500 requests)', value: report.summary.rateLimited, unit: 'count', goal: '= 0', met: report.summary.rateLimited === 0 },
          { name: 'paced run time / token-bucket minimum', value: Number(efficiency.toFixed(3)), unit: 'ratio', goal: `<= ${PACING_GOAL}`, met: efficiency <= PACING_GOAL },
        );
      } finally {
        await small.close();
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
