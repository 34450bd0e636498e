import type { ApiGateway, ApiReply, EventSink } from '../../../../src-main/ports';
import type { EventName, EventPayload } from '../../../../src-preload/contract';
import { BudgetPacer } from '../../../../src-main/services/rate-limit/budget-pacer';

/** Fakes for the support-staff services: a scripted gateway, a recorded event sink, an instant pacer. */
export const RATE = { limit: 100, remaining: 50, burst: 200, resetAt: null, retryAfterSeconds: null, workspaceId: 'ws_acme', windowSeconds: 60 };
const BUDGET = 'workspace:ws_acme@http://127.0.0.1:4010';

export function scriptedGateway(reply: (path: string, query: Record<string, string>) => Partial<ApiReply> | Promise<Partial<ApiReply>>) {
  const calls: Array<{ path: string; query: Record<string, string> }> = [];
  const api: ApiGateway = {
    budgetFor: async () => BUDGET,
    async get(_keyId, path, query) {
      calls.push({ path, query });
      return { status: 200, body: '', rateLimit: RATE, receivedAt: 0, budgetId: BUDGET, explanation: null, ...(await reply(path, query)) };
    },
  };
  return { api, calls };
}

export function recordedEvents() {
  const seen: Array<{ event: EventName; payload: unknown }> = [];
  const sink: EventSink = { emit: (event, payload) => void seen.push({ event, payload }) };
  const of = <E extends EventName>(event: E) => seen.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
  return { sink, of };
}

/** A pacer whose waits are recorded, not slept. */
export function instantPacer() {
  const slept: number[] = [];
  let now = 0;
  const pacer = new BudgetPacer({ now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) });
  return { pacer, slept };
}

export const listBody = (data: unknown[], nextCursor: string | null) => JSON.stringify({ object: 'list', data, has_more: nextCursor !== null, next_cursor: nextCursor });

/** Resolves when `check` holds (polling the microtask queue and timers). */
export async function until(check: () => boolean, what = 'the condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`timed out waiting for ${what}`);
}
