import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import type { Bench, BenchRow } from './bench';
import { startRig } from './bench-core';

const PATH = '/v1/conversations';
const QUERY = 'limit=25';
const GOAL = 1.1;
/** Rounds of each kind, interleaved; this loaded 2-core machine needs several for a steady minimum. */
const ROUNDS = 6;

/**
 * N sequential requests through the request service (key lookup, keychain port, URL and header
 * checks, the API client, rate-limit parsing, the scrubbed view; History, "Last used" and the
 * budget after each reply) against raw undici to the same sandbox route. The sandbox runs in its
 * own process, as the desktop app's utilityProcess does. The IPC router on top (zod on the
 * argument and the reply) is timed too, and reported without a goal: it is the IPC boundary, not
 * the engine.
 */
export const engineOverhead: Bench = {
  name: 'engine-overhead',
  async run({ duration, log }): Promise<BenchRow[]> {
    const rig = await startRig(['--rate-capacity', '1000000000', '--rate-refill', '1000000000']);
    const agent = new Agent();
    const n = Math.max(200, duration * 80);
    const sender = { origin: null, isMainFrame: true };
    const input = { keyId: rig.keyId, method: 'GET' as const, path: PATH, query: [{ name: 'limit', value: '25' }] };
    const viaService = async () => {
      const view = await rig.core.requests.send(input);
      if (view.status !== 200 || view.body.length === 0) throw new Error(`engine request failed: ${view.status}`);
    };
    const viaRouter = async () => {
      const r = await rig.core.router.handle(INVOKE_CHANNELS.requestSend, sender, input);
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
      log(`warming up, then ${n} sequential requests each way, alternating ${ROUNDS} times (the fastest round of each counts)`);
      await time(viaService);
      await time(viaRouter);
      await time(raw);
      let serviceMs = Infinity;
      let routerMs = Infinity;
      let rawMs = Infinity;
      for (let round = 0; round < ROUNDS; round++) {
        rawMs = Math.min(rawMs, await time(raw));
        serviceMs = Math.min(serviceMs, await time(viaService));
        routerMs = Math.min(routerMs, await time(viaRouter));
      }
      const ratio = serviceMs / rawMs;
      return [
        { name: 'request service, per request', value: Number(serviceMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
        { name: 'raw undici, per request', value: Number(rawMs.toFixed(3)), unit: 'ms', goal: '-', met: true },
        { name: 'engine / raw time', value: Number(ratio.toFixed(3)), unit: 'ratio', goal: `<= ${GOAL}`, met: ratio <= GOAL },
        { name: 'engine + IPC router / raw time', value: Number((routerMs / rawMs).toFixed(3)), unit: 'ratio', goal: '-', met: true },
      ];
    } finally {
      await agent.close();
      await rig.close();
    }
  },
};
