import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import type { Bench, BenchRow } from './bench';
import { startRig } from './bench-core';

const PATH = '/v1/conversations';
const QUERY = 'limit=25';
const GOAL = 1.1;

/**
 * N sequential requests through the request service (router, zod, key lookup, keychain port,
 * header checks, rate-limit parsing, history) against raw undici to the same sandbox route.
 */
export const engineOverhead: Bench = {
  name: 'engine-overhead',
  async run({ duration, log }): Promise<BenchRow[]> {
    const rig = await startRig(['--rate-capacity', '1000000000', '--rate-refill', '1000000000']);
    const agent = new Agent();
    const n = Math.max(200, duration * 100);
    const sender = { origin: null, isMainFrame: true };
    const viaEngine = async () => {
      const r = await rig.core.router.handle(INVOKE_CHANNELS.requestSend, sender, {
        keyId: rig.keyId,
        method: 'GET',
        path: PATH,
        query: [{ name: 'limit', value: '25' }],
      });
      if (!r.ok || (r.value as { status: number }).status !== 200) throw new Error(`engine request failed: ${JSON.stringify(r).slice(0, 200)}`);
    };
    const raw = async () => {
      const res = await request(`${rig.baseUrl}${PATH}?${QUERY}`, { headers: { 'x-api-key': rig.secret, accept: 'application/json' }, dispatcher: agent });
      const text = await res.body.text();
      if (res.statusCode !== 200 || text.length === 0) throw new Error(`raw request failed: ${res.statusCode}`);
    };
    const time = async (fn: () => Promise<void>) => {
      const start = performance.now();
      for (let i = 0; i < n; i++) await fn();
      return (performance.now() - start) / n;
    };
    try {
      log(`warming up, then ${n} sequential requests each way, alternating twice`);
      await time(viaEngine);
      await time(raw);
      let engineMs = Infinity;
      let rawMs = Infinity;
      for (let round = 0; round < 2; round++) {
        engineMs = Math.min(engineMs, await time(viaEngine));
        rawMs = Math.min(rawMs, await time(raw));
      }
      const ratio = engineMs / rawMs;
      return [
        { name: 'request service, per request', value: Number(engineMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
        { name: 'raw undici, per request', value: Number(rawMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
        { name: 'engine / raw time', value: Number(ratio.toFixed(3)), unit: 'ratio', goal: `<= ${GOAL}`, met: ratio <= GOAL },
      ];
    } finally {
      await agent.close();
      await rig.close();
    }
  },
};
