import { describe, expect, it } from 'vitest';
import { ContactScanService } from '../../../../src-main/services/inspector/contact-scan';
import { contactMatcher } from '../../../../src-main/services/inspector/contact-match';
import { instantPacer, listBody, recordedEvents, scriptedGateway, until } from './support-fakes';

const contact = (n: number, extra: { phone?: string | null; company?: string | null } = {}) => ({
  id: `ct_${n}`,
  object: 'contact',
  name: `Person ${n}`,
  email: `p${n}@example.com`,
  phone: extra.phone ?? null,
  company: extra.company ?? null,
  conversation_count: 0,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
});

/** 250 contacts in pages of 100: 3 pages. */
const all = Array.from({ length: 250 }, (_, i) => contact(i, { company: i % 50 === 0 ? 'Acme Corp' : 'Other', phone: i === 201 ? '+1-555-010-0201' : null }));
function pages(path: string, query: Record<string, string>) {
  expect(path).toBe('/v1/contacts');
  const start = query.starting_after ? all.findIndex((c) => c.id === query.starting_after) + 1 : 0;
  const limit = Number(query.limit);
  const data = all.slice(start, start + limit);
  return { body: listBody(data, start + limit < all.length ? data.at(-1)!.id : null) };
}

function service(reply: Parameters<typeof scriptedGateway>[0] = pages) {
  const { api, calls } = scriptedGateway(reply);
  const events = recordedEvents();
  const { pacer } = instantPacer();
  return { scans: new ContactScanService({ api, pacer, events: events.sink, now: () => 0 }), calls, progress: () => events.of('contactScanProgress') };
}

describe('contact matching', () => {
  it('matches a company by part of its name, a phone by its digits whatever the separators, an id exactly', () => {
    expect(contactMatcher('company', 'acme')(contact(1, { company: 'Acme Corp' }))).toBe(true);
    expect(contactMatcher('company', 'acme')(contact(1, { company: null }))).toBe(false);
    expect(contactMatcher('phone', '555 010-0201')(contact(1, { phone: '+15550100201' }))).toBe(true);
    expect(contactMatcher('phone', '---')(contact(1, { phone: '+15550100201' }))).toBe(false);
    expect(contactMatcher('id', 'ct_1')(contact(1))).toBe(true);
    expect(contactMatcher('id', 'ct_1')(contact(10))).toBe(false);
  });
});

describe('ContactScanService', () => {
  it('scans every page by company, says how many it scanned as it goes, and the total at the end', async () => {
    const { scans, calls, progress } = service();
    const { scanId } = scans.start('k', 'company', 'acme');
    await until(() => progress().at(-1)?.state === 'done', 'the scan');
    expect(calls.map((c) => c.query.starting_after ?? null)).toEqual([null, 'ct_99', 'ct_199']);
    expect(calls.every((c) => c.query.limit === '100')).toBe(true);
    const states = progress().map((p) => [p.state, p.scanned, p.total]);
    expect(states).toContainEqual(['running', 100, null]);
    expect(states).toContainEqual(['running', 200, null]);
    const last = progress().at(-1)!;
    expect(last).toMatchObject({ scanId, state: 'done', scanned: 250, total: 250, requests: 3, rateLimited: 0, matchesCapped: false });
    expect(last.matches.map((c) => c.id)).toEqual(['ct_0', 'ct_50', 'ct_100', 'ct_150', 'ct_200']);
  });

  it('finds a phone number on the last page', async () => {
    const { scans, progress } = service();
    scans.start('k', 'phone', '5550100201');
    await until(() => progress().at(-1)?.state === 'done');
    expect(progress().at(-1)!.matches.map((c) => c.id)).toEqual(['ct_201']);
  });

  it('stops at the first page holding the id it looks for', async () => {
    const { scans, calls, progress } = service();
    scans.start('k', 'id', 'ct_150');
    await until(() => progress().at(-1)?.state === 'done');
    expect(calls).toHaveLength(2);
    expect(progress().at(-1)!).toMatchObject({ scanned: 200, total: null, matches: [expect.objectContaining({ id: 'ct_150' })] });
  });

  it('after a 429 waits and retries the same page, counting it', async () => {
    let first = true;
    const { scans, calls, progress } = service((path, query) => {
      if (first) {
        first = false;
        return { status: 429, body: '{}', rateLimit: { ...RATE429 } };
      }
      return pages(path, query);
    });
    scans.start('k', 'company', 'acme');
    await until(() => progress().at(-1)?.state === 'done');
    expect(calls).toHaveLength(4);
    expect(progress().some((p) => p.state === 'waiting' && /waiting 2 s/.test(p.message ?? ''))).toBe(true);
    expect(progress().at(-1)).toMatchObject({ requests: 4, rateLimited: 1, scanned: 250 });
  });

  it('cancelled, it says how far it got rather than passing the partial matches off as the answer', async () => {
    let release: () => void = () => {};
    const { scans, progress } = service(async (path, query) => {
      if (query.starting_after) await new Promise<void>((r) => (release = r));
      return pages(path, query);
    });
    const { scanId } = scans.start('k', 'company', 'acme');
    await until(() => progress().some((p) => p.scanned === 100));
    expect(scans.cancel(scanId)).toBe(true);
    release();
    await until(() => progress().at(-1)?.state === 'cancelled');
    expect(progress().at(-1)!.message).toBe('Scan cancelled after 100 contacts: the matches shown are from those only.');
    expect(progress().at(-1)!.matches.map((c) => c.id)).toEqual(['ct_0', 'ct_50']);
  });

  it('a failure says after how many contacts, in words', async () => {
    const { scans, progress } = service(() => ({ status: 500, body: '{}', explanation: 'The server failed.' }));
    scans.start('k', 'company', 'acme');
    await until(() => progress().at(-1)?.state === 'failed');
    expect(progress().at(-1)!.message).toMatch(/^Scan failed after 0 contacts: 500: The server failed\./);
  });
});

const RATE429 = { limit: 100, remaining: 0, burst: 200, resetAt: null, retryAfterSeconds: 2, workspaceId: 'ws_acme', windowSeconds: 60 };
