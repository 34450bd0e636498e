import { INVOKE_CHANNELS, type TimelineProgress } from '../../src-preload/contract';
import { PacedReader } from '../../src-main/services/inspector/paced-reader';
import type { Bench, BenchRow } from './bench';
import { startRig, type BenchRig } from './bench-core';

// A small bucket: 5 at once, then one every 200 ms. The timeline's 51 requests are paced for all
// but the burst; the first 10 conversations need 11 requests (the list page and 10 reads).
const CAPACITY = 5;
const REFILL = 5;
const WINDOW_MS = 1000;
const CONVERSATIONS = 50;
/** The window's first screenful, as the Inspector asks for it; a scroll asks for the next. */
const WINDOW = 20;
const FIRST = 10;
const FIRST_GOAL = 1.2;
const WHOLE_GOAL = 1.05;
const LIMIT_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const refill = () => sleep((CAPACITY * WINDOW_MS) / REFILL + 200);
const SENDER = { origin: null, isMainFrame: true };

/** A contact of the bench's own with 50 conversations, written through the API (waiting out its 429s). */
async function seedContact(rig: BenchRig): Promise<string> {
  const post = async (path: string, body: unknown): Promise<{ id: string; contact_id?: string }> => {
    for (;;) {
      const res = await fetch(`${rig.baseUrl}${path}`, { method: 'POST', headers: { 'X-API-Key': rig.secret, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status === 429) {
        await sleep(Number(res.headers.get('retry-after') ?? '1') * 1000);
        continue;
      }
      if (res.status !== 201) throw new Error(`seeding ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: string };
    }
  };
  const contact = await post('/v1/contacts', { name: 'Bench Timeline', email: `bench.timeline.${Date.now()}@example.com` });
  for (let i = 1; i <= CONVERSATIONS; i++) await post('/v1/messages', { contact_id: contact.id, subject: `Bench question ${i}`, body: `Body ${i}` });
  return contact.id;
}

/**
 * The Timeline of a contact with 50 conversations under a small bucket, through the console's core:
 * time to its first 10 conversations against the time the 11 requests they need take on their own
 * (same engine, same pacer, from a full bucket), and the whole timeline against the bucket's minimum.
 */
export const timelinePacing: Bench = {
  name: 'timeline-pacing',
  async run({ log }): Promise<BenchRow[]> {
    const events: Array<{ at: number; p: TimelineProgress }> = [];
    let onEvent: (p: TimelineProgress) => void = () => {};
    const rig = await startRig(['--rate-capacity', String(CAPACITY), '--rate-refill', String(REFILL), '--rate-window-ms', String(WINDOW_MS)], (event, payload) => {
      if (event !== 'timelineProgress') return;
      const p = payload as TimelineProgress;
      events.push({ at: Date.now(), p });
      onEvent(p);
    });
    try {
      log(`seeding a contact with ${CONVERSATIONS} conversations (bucket of ${CAPACITY}, ${REFILL} per ${WINDOW_MS} ms)`);
      const contactId = await seedContact(rig);

      // The 11 requests on their own: the list page, then the 10 newest conversations.
      await refill();
      const reader = new PacedReader({ api: rig.core.gateway, pacer: rig.core.pacer, now: () => Date.now() }, rig.keyId, new AbortController().signal);
      const t0 = Date.now();
      const list = JSON.parse((await reader.get('/v1/conversations', { contact_id: contactId, limit: '100' })).body) as { data: Array<{ id: string }> };
      for (const c of list.data.slice(0, FIRST)) await reader.get(`/v1/conversations/${c.id}`, {});
      const requestsMs = Date.now() - t0;
      if (reader.counts.rateLimited > 0) throw new Error('the 11 requests met a 429');

      // The timeline, from a full bucket: as the window shows it, a scroll asking for more at each pause.
      await refill();
      const started = Date.now();
      const done = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the timeline did not finish')), LIMIT_MS);
        onEvent = (p) => {
          if (p.state === 'paused') void rig.core.router.handle(INVOKE_CHANNELS.inspectorTimelineMore, SENDER, { timelineId: p.timelineId, window: WINDOW });
          if (p.state === 'done' || p.state === 'failed' || p.state === 'cancelled') {
            clearTimeout(timer);
            if (p.state === 'done') resolve();
            else reject(new Error(`the timeline stopped: ${p.message}`));
          }
        };
      });
      const opened = await rig.core.router.handle(INVOKE_CHANNELS.inspectorTimelineOpen, SENDER, { keyId: rig.keyId, contactId, window: WINDOW });
      if (!opened.ok) throw new Error(`could not open the timeline: ${opened.error.message}`);
      await done;
      const last = events.at(-1)!.p;
      const wholeMs = events.at(-1)!.at - started;
      const firstAt = events.find((e) => e.p.loaded >= FIRST)!.at - started;
      const firstRatio = firstAt / requestsMs;
      const minimumMs = (Math.max(0, last.requests - CAPACITY) * WINDOW_MS) / REFILL;
      const wholeRatio = wholeMs / minimumMs;
      log(`first ${FIRST}: ${firstAt} ms vs ${requestsMs} ms for the 11 requests; whole: ${wholeMs} ms for ${last.requests} requests (minimum ${minimumMs} ms)`);
      return [
        { name: 'timeline conversations read', value: last.loaded, unit: 'items', goal: `= ${CONVERSATIONS}`, met: last.loaded === CONVERSATIONS },
        { name: 'timeline first 10 shown / their 11 requests', value: Number(firstRatio.toFixed(3)), unit: 'ratio', goal: `<= ${FIRST_GOAL}`, met: firstRatio <= FIRST_GOAL },
        { name: 'timeline whole / token-bucket minimum', value: Number(wholeRatio.toFixed(3)), unit: 'ratio', goal: `<= ${WHOLE_GOAL}`, met: wholeRatio <= WHOLE_GOAL },
        { name: 'timeline 429 responses', value: last.rateLimited, unit: 'count', goal: '= 0', met: last.rateLimited === 0 },
      ];
    } finally {
      await rig.close();
    }
  },
};
