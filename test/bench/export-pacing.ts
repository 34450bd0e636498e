import { readFileSync } from 'node:fs';
import { INVOKE_CHANNELS, type ExportProgress } from '../../src-preload/contract';
import type { Bench, BenchRow } from './bench';
import { startRig } from './bench-core';

// A small bucket, so the export is paced for most of its ~25 requests. The minimum counts the burst
// as free, so serving those first requests (and the pacer's 5 ms safety margin per paced request)
// is what the ratio measures above 1; a 400 ms refill interval keeps that honest but small.
const CAPACITY = 5;
const REFILL = 5;
const WINDOW_MS = 2000;
const GOAL = 1.05;
/** The export takes about 10 s at this pace: far past that, something is broken and the bench says so. */
const EXPORT_LIMIT_MS = 120_000;

/**
 * Export all 2,000 conversations of ws_acme through the console's engine against a sandbox with
 * a small bucket: actual time / the fewest the token bucket allows for the requests it made.
 */
export const exportPacing: Bench = {
  name: 'export-pacing',
  async run({ log }): Promise<BenchRow[]> {
    const progress: ExportProgress[] = [];
    const rig = await startRig(
      ['--rate-capacity', String(CAPACITY), '--rate-refill', String(REFILL), '--rate-window-ms', String(WINDOW_MS)],
      (event, payload) => {
        if (event === 'exportProgress') progress.push(payload as ExportProgress);
      },
    );
    try {
      // Adding the key spent a token: let the bucket fill so the minimum below is exact.
      await new Promise((r) => setTimeout(r, (CAPACITY * WINDOW_MS) / REFILL + 200));
      log(`exporting with a bucket of ${CAPACITY}, ${REFILL} per ${WINDOW_MS} ms`);
      const started = await rig.core.router.handle(INVOKE_CHANNELS.exportStart, { origin: null, isMainFrame: true }, {
        keyId: rig.keyId,
        kind: 'conversations',
        format: 'csv',
        filter: {},
      });
      if (!started.ok) throw new Error(started.error.message);
      const { exportId } = started.value as { exportId: string };
      const last = await new Promise<ExportProgress>((resolve, reject) => {
        const deadline = Date.now() + EXPORT_LIMIT_MS;
        const timer = setInterval(() => {
          const p = progress.filter((e) => e.exportId === exportId).at(-1);
          if (p && ['done', 'failed', 'cancelled'].includes(p.state)) {
            clearInterval(timer);
            resolve(p);
          } else if (Date.now() > deadline) {
            clearInterval(timer);
            reject(new Error(`the export did not finish within ${EXPORT_LIMIT_MS / 1000} s (last progress: ${JSON.stringify(p ?? null)})`));
          }
        }, 10);
      });
      if (last.state !== 'done') throw new Error(`export ${last.state}: ${last.message}`);
      const rows = readFileSync(last.path!, 'utf8').trimEnd().split('\r\n').length - 1;
      const minimumMs = (Math.max(0, last.requests - CAPACITY) * WINDOW_MS) / REFILL;
      const efficiency = last.elapsedMs / minimumMs;
      return [
        { name: 'export rows (ws_acme conversations)', value: rows, unit: 'rows', goal: '= 2000', met: rows === 2000 },
        { name: 'export 429 responses', value: last.rateLimited, unit: 'count', goal: '= 0', met: last.rateLimited === 0 },
        { name: 'export time / token-bucket minimum', value: Number(efficiency.toFixed(3)), unit: 'ratio', goal: `<= ${GOAL}`, met: efficiency <= GOAL },
      ];
    } finally {
      await rig.close();
    }
  },
};
