import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../../src-preload/contract';
import type { ApiGateway } from '../../../../src-main/ports';
import { folderExportTargets } from '../../../../src-main/adapters/folder-export-targets';
import type { PacerClock } from '../../../../src-main/ports';
import { BudgetPacer } from '../../../../src-main/services/rate-limit/budget-pacer';
import { ExportService } from '../../../../src-main/services/inspector/export-service';
import { tempDir } from '../../../helpers/temp-dir';

const dir = tempDir('export-service');
afterAll(() => dir.cleanup());

const rate = (remaining: number, retryAfterSeconds: number | null = null) => ({
  limit: 100, remaining, burst: 200, resetAt: null, retryAfterSeconds, workspaceId: 'ws_acme', windowSeconds: 60,
});
const contact = (i: number) => ({
  id: `ct_${i}`, object: 'contact', name: `Person ${i}`, email: `p${i}@example.com`, phone: null, company: null,
  conversation_count: 0, created_at: 'x', updated_at: 'x',
});

function fakeClock(): PacerClock & { slept: number[] } {
  const clock = { t: 0, slept: [] as number[], now: () => clock.t, sleep: async (ms: number) => { clock.slept.push(ms); clock.t += ms; } };
  return clock;
}

function finished(events: ExportProgress[]): Promise<ExportProgress> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const last = events.at(-1);
      if (last && ['done', 'failed', 'cancelled'].includes(last.state)) {
        clearInterval(timer);
        resolve(last);
      }
    }, 5);
  });
}

/** The budget the fake server's replies spend from. */
const BUDGET = 'workspace:ws_acme@http://127.0.0.1:4010';

describe('ExportService', () => {
  it('survives a 429 from someone else sharing the budget: waits Retry-After, retries the same page, loses no row', async () => {
    const pages = [[contact(1), contact(2)], [contact(3)]];
    const requested: string[] = [];
    let throttled = false;
    const api: ApiGateway = {
      budgetFor: async () => BUDGET,
      async get(_key, _path, query) {
        requested.push(query.starting_after ?? 'first');
        if (query.starting_after && !throttled) {
          throttled = true;
          return { status: 429, body: '{"error":{"code":"rate_limited"}}', rateLimit: rate(0, 7), receivedAt: clock.now(), budgetId: BUDGET };
        }
        const page = query.starting_after ? pages[1]! : pages[0]!;
        const more = !query.starting_after;
        return {
          status: 200,
          body: JSON.stringify({ object: 'list', data: page, has_more: more, next_cursor: more ? 'ct_2' : null }),
          rateLimit: rate(50),
          receivedAt: clock.now(), budgetId: BUDGET,
        };
      },
    };
    const clock = fakeClock();
    const events: ExportProgress[] = [];
    const service = new ExportService({
      api,
      targets: folderExportTargets(dir.path),
      events: { emit: (_c, p) => events.push(p as ExportProgress) },
      pacer: new BudgetPacer(clock),
      now: () => clock.now(),
    });
    await service.start({ keyId: 'k', kind: 'contacts', format: 'csv', filter: {} });
    const last = await finished(events);
    expect(last.state).toBe('done');
    expect(last.rateLimited).toBe(1);
    expect(requested).toEqual(['first', 'ct_2', 'ct_2']);
    expect(clock.slept).toContain(7000);
    expect(events.some((e) => e.state === 'waiting' && /waiting 7 s/.test(e.message ?? ''))).toBe(true);
    const lines = readFileSync(last.path!, 'utf8').trimEnd().split('\r\n');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['ct_1', 'ct_2', 'ct_3']);
  });

  it('paces the first page of a new export by what an earlier one left of the budget', async () => {
    const clock = fakeClock();
    const events: ExportProgress[] = [];
    const sentAt: number[] = [];
    const api: ApiGateway = {
      budgetFor: async () => BUDGET,
      async get() {
        sentAt.push(clock.now());
        // One page each; the budget is empty after every reply (100 a minute: a token each 600 ms).
        return { status: 200, body: JSON.stringify({ object: 'list', data: [contact(1)], has_more: false, next_cursor: null }), rateLimit: rate(0), receivedAt: clock.now(), budgetId: BUDGET };
      },
    };
    const service = new ExportService({ api, targets: folderExportTargets(dir.path), events: { emit: (_c, p) => events.push(p as ExportProgress) }, pacer: new BudgetPacer(clock), now: () => clock.now() });
    await service.start({ keyId: 'k', kind: 'contacts', format: 'csv', filter: {} });
    expect((await finished(events)).state).toBe('done');
    events.length = 0;
    await service.start({ keyId: 'k', kind: 'contacts', format: 'csv', filter: {} });
    expect((await finished(events)).state).toBe('done');
    expect(sentAt).toHaveLength(2);
    expect(sentAt[1]! - sentAt[0]!).toBeGreaterThanOrEqual(600);
  });

  it('fails in words on an API error and leaves no file', async () => {
    const sub = tempDir('export-fail');
    const api: ApiGateway = {
      budgetFor: async () => BUDGET,
      get: async () => ({ status: 401, body: '{"error":{"code":"revoked_api_key"}}', rateLimit: rate(0), receivedAt: 0, budgetId: BUDGET, explanation: 'The key was revoked.' }),
    };
    const events: ExportProgress[] = [];
    const service = new ExportService({
      api,
      targets: folderExportTargets(sub.path),
      events: { emit: (_c, p) => events.push(p as ExportProgress) },
      pacer: new BudgetPacer(fakeClock()),
      now: () => 0,
    });
    await service.start({ keyId: 'k', kind: 'conversations', format: 'json', filter: { status: 'open' } });
    const last = await finished(events);
    expect(last.state).toBe('failed');
    expect(last.message).toContain('revoked');
    expect(readdirSync(sub.path)).toEqual([]);
    sub.cleanup();
  });
});
