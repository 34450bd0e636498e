import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchOptions, BenchRow } from './bench';
import { serve, type Served } from './processes';
import { createSandboxKey } from '../helpers/sandbox-admin';

const PATH = '/v1/conversations?limit=25';
const ADMIN = 'bench-admin-token';
const GOAL_RATIO = 0.5;

async function measure(url: string, headers: Record<string, string>, duration: number): Promise<number> {
  const result = await autocannon({ url, connections: 10, duration, headers });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors and ${result.non2xx} non-2xx responses`);
  }
  return result.requests.average;
}

/**
 * Authenticated `GET /v1/conversations?limit=25` on the real sandbox (CLI, SQLite file, key check,
 * token bucket) against a bare Fastify route returning the same JSON; both over loopback, both
 * in their own process, measured alternately so neither gets a warmer machine.
 */
export const sandboxThroughput: Bench = {
  name: 'sandbox-throughput',
  async run({ duration, log }: BenchOptions): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'helplane-bench-'));
    const servers: Served[] = [];
    try {
      const sandbox = await serve(
        'src-main/sandbox-server/cli.ts',
        // A bucket the bench cannot empty: it measures serving, not refusing.
        ['--port', '0', '--data-dir', join(dir, 'data'), '--admin-token', ADMIN, '--rate-capacity', '1000000000', '--rate-refill', '1000000000'],
        /^Helplane sandbox: (\S+)$/m,
      );
      servers.push(sandbox);
      const baseUrl = sandbox.match;
      const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'bench');
      const headers = { 'x-api-key': secret };
      const page = await fetch(`${baseUrl}${PATH}`, { headers });
      const json = await page.text();
      writeFileSync(join(dir, 'page.json'), json);

      const bare = await serve('test/bench/bare-server.ts', [join(dir, 'page.json')], /^Bare: (\S+)$/m);
      servers.push(bare);
      const bareBody = await (await fetch(`${bare.match}${PATH}`)).text();
      if (bareBody !== json) throw new Error('the bare route does not return the same JSON');

      log(`warming up both servers (1 s each)`);
      await measure(`${baseUrl}${PATH}`, headers, 1);
      await measure(`${bare.match}${PATH}`, {}, 1);
      // Two alternating rounds, best of each: less sensitive to a noisy neighbour.
      let sandboxRps = 0;
      let bareRps = 0;
      for (let round = 1; round <= 2; round++) {
        log(`round ${round}: sandbox ${duration} s, bare ${duration} s`);
        sandboxRps = Math.max(sandboxRps, await measure(`${baseUrl}${PATH}`, headers, duration));
        bareRps = Math.max(bareRps, await measure(`${bare.match}${PATH}`, {}, duration));
      }
      const ratio = sandboxRps / bareRps;
      return [
        { name: 'sandbox GET /v1/conversations?limit=25 (authenticated)', value: Math.round(sandboxRps), unit: 'req/s', goal: '-', met: true },
        { name: 'bare Fastify route, same JSON', value: Math.round(bareRps), unit: 'req/s', goal: '-', met: true },
        { name: 'sandbox / bare throughput', value: Number(ratio.toFixed(3)), unit: 'ratio', goal: `>= ${GOAL_RATIO}`, met: ratio >= GOAL_RATIO },
      ];
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
