import type { Bench, BenchRow } from './bench';
import { startRig } from './bench-core';
import { PageWalker } from '../../src-main/services/pagination/page-walker';

// The same small bucket as export-pacing: the walk is paced for most of its ~20 requests.
const CAPACITY = 5;
const REFILL = 5;
const WINDOW_MS = 2000;
const GOAL = 1.05;

/**
 * Fetch all pages of the 2,000 conversations of ws_acme through the console's engine against a
 * sandbox with a small bucket: actual time / the fewest the token bucket allows for its requests.
 */
export const fetchAllPacing: Bench = {
  name: 'fetch-all-pacing',
  async run({ log }): Promise<BenchRow[]> {
    const rig = await startRig(['--rate-capacity', String(CAPACITY), '--rate-refill', String(REFILL), '--rate-window-ms', String(WINDOW_MS)], () => {});
    try {
      // Adding the key spent a token: let the bucket fill so the minimum below is exact.
      await new Promise((r) => setTimeout(r, (CAPACITY * WINDOW_MS) / REFILL + 200));
      log(`fetching all pages with a bucket of ${CAPACITY}, ${REFILL} per ${WINDOW_MS} ms`);
      const walker = new PageWalker({ api: rig.core.gateway, pacer: rig.core.pacer, now: () => Date.now() });
      const started = Date.now();
      const result = await walker.fetchAll({ keyId: rig.keyId, path: '/v1/conversations', query: [] });
      const elapsedMs = Date.now() - started;
      if (result.stop.reason !== 'complete') throw new Error(`the walk stopped: ${result.stop.reason}`);
      const items = result.list.data.length;
      const minimumMs = (Math.max(0, result.requests - CAPACITY) * WINDOW_MS) / REFILL;
      const efficiency = elapsedMs / minimumMs;
      return [
        { name: 'fetch-all items (ws_acme conversations)', value: items, unit: 'items', goal: '= 2000', met: items === 2000 },
        { name: 'fetch-all 429 responses', value: result.rateLimited, unit: 'count', goal: '= 0', met: result.rateLimited === 0 },
        { name: 'fetch-all time / token-bucket minimum', value: Number(efficiency.toFixed(3)), unit: 'ratio', goal: `<= ${GOAL}`, met: efficiency <= GOAL },
      ];
    } finally {
      await rig.close();
    }
  },
};
