import { describe, expect, it } from 'vitest';
import { TimelineService } from '../../../../src-main/services/inspector/timeline-service';
import { instantPacer, listBody, recordedEvents, scriptedGateway, until } from './support-fakes';

const conversation = (n: number) => ({
  id: `cv_${n}`,
  object: 'conversation',
  subject: `Subject ${n}`,
  status: 'open',
  channel: 'email',
  contact_id: 'ct_1',
  assignee: null,
  tags: [],
  message_count: 1,
  created_at: `2026-01-01T00:${String(59 - (n % 60)).padStart(2, '0')}:00Z`,
  updated_at: '2026-01-01T00:00:00Z',
  last_message_at: null,
});

function workspace(count: number) {
  const all = Array.from({ length: count }, (_, i) => conversation(i));
  return (path: string, query: Record<string, string>) => {
    if (path === '/v1/conversations') {
      expect(query.contact_id).toBe('ct_1');
      const start = query.starting_after ? all.findIndex((c) => c.id === query.starting_after) + 1 : 0;
      const data = all.slice(start, start + Number(query.limit));
      return { body: listBody(data, start + data.length < all.length ? data.at(-1)!.id : null) };
    }
    const id = decodeURIComponent(path.split('/').at(-1)!);
    const c = all.find((x) => x.id === id)!;
    return { body: JSON.stringify({ ...c, messages: [{ id: `msg_${id}`, object: 'message', conversation_id: id, author: { type: 'contact', id: 'ct_1', name: 'Ada' }, body: 'hi', created_at: c.created_at }] }) };
  };
}

function service(count: number) {
  const { api, calls } = scriptedGateway(workspace(count));
  const events = recordedEvents();
  const { pacer } = instantPacer();
  return { timelines: new TimelineService({ api, pacer, events: events.sink, now: () => 0 }), calls, progress: () => events.of('timelineProgress') };
}

describe('TimelineService', () => {
  it('lists the conversations, then reads them newest first, one event per conversation as its reply arrives, and pauses after the window', async () => {
    const { timelines, calls, progress } = service(50);
    const { timelineId } = timelines.open('k', 'ct_1', 10);
    await until(() => progress().at(-1)?.state === 'paused', 'the pause');
    // One list page (the API's largest) and the ten conversations of the window: 11 requests.
    expect(calls.map((c) => c.path)).toEqual(['/v1/conversations', ...Array.from({ length: 10 }, (_, i) => `/v1/conversations/cv_${i}`)]);
    expect(calls[0]!.query).toEqual({ contact_id: 'ct_1', limit: '100' });
    const added = progress().flatMap((p) => p.added.map((c) => c.id));
    expect(added).toEqual(Array.from({ length: 10 }, (_, i) => `cv_${i}`));
    expect(progress().filter((p) => p.added.length > 0).every((p) => p.added.length === 1)).toBe(true);
    expect(progress().at(-1)).toMatchObject({ timelineId, loaded: 10, listed: 50, listComplete: true, hasMore: true, requests: 11 });

    // A scroll near the end: the next window, then the rest.
    expect(timelines.more(timelineId, 40)).toBe(true);
    await until(() => progress().at(-1)?.state === 'done', 'the end');
    expect(calls).toHaveLength(51);
    expect(progress().at(-1)).toMatchObject({ loaded: 50, hasMore: false, requests: 51, rateLimited: 0 });
  });

  it('a listener that asks for more while hearing the pause is not lost', async () => {
    const { api } = scriptedGateway(workspace(30));
    const { pacer } = instantPacer();
    const seen: string[] = [];
    const timelines: TimelineService = new TimelineService({
      api,
      pacer,
      now: () => 0,
      events: {
        emit: (_event, payload) => {
          const p = payload as { state: string; timelineId: string };
          seen.push(p.state);
          if (p.state === 'paused') timelines.more(p.timelineId, 10);
        },
      },
    });
    timelines.open('k', 'ct_1', 10);
    await until(() => seen.at(-1) === 'done', 'the end');
    expect(seen.filter((s) => s === 'paused')).toHaveLength(2);
  });

  it('does not spend a request on the next list page before a scroll asks for it', async () => {
    const { timelines, calls, progress } = service(150);
    const { timelineId } = timelines.open('k', 'ct_1', 100);
    await until(() => progress().at(-1)?.state === 'paused');
    expect(calls.filter((c) => c.path === '/v1/conversations')).toHaveLength(1);
    timelines.more(timelineId, 100);
    await until(() => progress().at(-1)?.state === 'done');
    expect(calls.filter((c) => c.path === '/v1/conversations').map((c) => c.query.starting_after ?? null)).toEqual([null, 'cv_99']);
    expect(progress().at(-1)).toMatchObject({ loaded: 150, listed: 150 });
  });

  it('closed while paused, it stops and sends nothing more', async () => {
    const { timelines, calls, progress } = service(30);
    const { timelineId } = timelines.open('k', 'ct_1', 5);
    await until(() => progress().at(-1)?.state === 'paused');
    expect(timelines.close(timelineId)).toBe(true);
    await until(() => progress().at(-1)?.state === 'cancelled');
    expect(calls).toHaveLength(6);
    expect(timelines.more(timelineId)).toBe(false);
  });

  it('a contact without conversations is done after one request', async () => {
    const { timelines, calls, progress } = service(0);
    timelines.open('k', 'ct_1');
    await until(() => progress().at(-1)?.state === 'done');
    expect(calls).toHaveLength(1);
    expect(progress().at(-1)).toMatchObject({ loaded: 0, listed: 0, hasMore: false });
  });
});
