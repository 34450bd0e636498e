import { describe, expect, it } from 'vitest';
import { ACME_CONTACT_COUNT, generateSeed } from '../../../src-main/sandbox-server/seed/seed';
import { NO_RATE_LIMIT, createKeyedApp, expectError } from './helpers';

interface Contact {
  id: string;
  name: string;
  email: string;
  conversation_count: number;
  created_at: string;
}
interface ContactList {
  data: Contact[];
  has_more: boolean;
  next_cursor: string | null;
}

const acme = () => generateSeed().find((s) => s.workspace.id === 'ws_acme')!;

describe('GET /v1/contacts', () => {
  it('pages through all seeded contacts newest first, with no gaps or repeats', async () => {
    const { get } = await createKeyedApp({ rateLimit: NO_RATE_LIMIT });
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(`/v1/contacts?limit=33${cursor ? `&starting_after=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as ContactList;
      ids.push(...page.data.map((c) => c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(ids).toEqual(acme().contacts.map((c) => c.id));
    expect(ids).toHaveLength(ACME_CONTACT_COUNT);
  });

  it('filters by exact email, case-insensitively', async () => {
    const { get } = await createKeyedApp();
    const target = acme().contacts[42]!;
    const res = await get(`/v1/contacts?email=${encodeURIComponent(target.email.toUpperCase())}`);
    expect((res.json() as ContactList).data).toEqual([target]);
    expect((await get('/v1/contacts?email=nobody@example.com')).json()).toMatchObject({ data: [], has_more: false });
  });

  it('filters by q, a case-insensitive substring of name or email', async () => {
    const { get } = await createKeyedApp();
    const q = 'ADA';
    const expected = acme().contacts.filter(
      (c) => c.name.toLowerCase().includes('ada') || c.email.toLowerCase().includes('ada'),
    );
    expect(expected.length).toBeGreaterThan(0);
    const res = await get(`/v1/contacts?q=${q}&limit=100`);
    expect((res.json() as ContactList).data.map((c) => c.id)).toEqual(expected.slice(0, 100).map((c) => c.id));
    // Characters that are wildcards in SQL LIKE are plain text here.
    expect((await get('/v1/contacts?q=%25')).json()).toMatchObject({ data: [] });
  });

  it('rejects bad query parameters with 400 naming them', async () => {
    const { get } = await createKeyedApp();
    expectError(await get('/v1/contacts?limit=0'), 400, 'invalid_request', 'invalid_request', 'limit');
    expectError(await get('/v1/contacts?email='), 400, 'invalid_request', 'invalid_request', 'email');
    expectError(await get(`/v1/contacts?q=${'x'.repeat(201)}`), 400, 'invalid_request', 'invalid_request', 'q');
    expectError(await get('/v1/contacts?starting_after=ct_nope'), 400, 'invalid_request', 'invalid_request', 'starting_after');
  });
});

describe('POST /v1/contacts', () => {
  it('creates a contact (201), lists it first and finds it by email', async () => {
    const { post, get, clock } = await createKeyedApp();
    const res = await post('/v1/contacts', { name: ' Grace Hopper ', email: 'Grace@Example.com', company: 'Navy' });
    expect(res.statusCode).toBe(201);
    const created = res.json() as Contact;
    const iso = new Date(clock.now()).toISOString().replace('.000Z', 'Z');
    expect(created).toEqual({
      id: expect.stringMatching(/^ct_[0-9A-Za-z]{14}$/),
      object: 'contact',
      name: 'Grace Hopper',
      email: 'Grace@Example.com',
      phone: null,
      company: 'Navy',
      conversation_count: 0,
      created_at: iso,
      updated_at: iso,
    });
    expect(res.headers['x-ratelimit-remaining']).toBe('199');
    expect((await get('/v1/contacts?limit=1')).json()).toMatchObject({ data: [created] });
    expect((await get('/v1/contacts?email=grace@example.com')).json()).toMatchObject({ data: [created] });
  });

  it('answers a duplicate email, in any case, with 409 contact_exists', async () => {
    const { post } = await createKeyedApp();
    const seeded = acme().contacts[0]!;
    expectError(await post('/v1/contacts', { name: 'X', email: seeded.email.toUpperCase() }), 409, 'conflict', 'contact_exists', 'email');
    expect((await post('/v1/contacts', { name: 'A', email: 'a@b.io' })).statusCode).toBe(201);
    expectError(await post('/v1/contacts', { name: 'A', email: 'A@B.IO' }), 409, 'conflict', 'contact_exists', 'email');
  });

  it.each([
    ['a missing name', { email: 'a@b.io' }, 'name'],
    ['a blank name', { name: '  ', email: 'a@b.io' }, 'name'],
    ['a name over 200', { name: 'n'.repeat(201), email: 'a@b.io' }, 'name'],
    ['a missing email', { name: 'A' }, 'email'],
    ['an invalid email', { name: 'A', email: 'not-an-email' }, 'email'],
    ['a numeric email', { name: 'A', email: 42 }, 'email'],
    ['a bad phone', { name: 'A', email: 'a@b.io', phone: 'call me' }, 'phone'],
    ['an empty company', { name: 'A', email: 'a@b.io', company: '' }, 'company'],
    ['an unknown field', { name: 'A', email: 'a@b.io', nickname: 'x' }, 'nickname'],
    ['an array body', [], null],
    ['a null body', null, null],
  ])('answers %s with 422 validation_failed', async (_label, payload, param) => {
    const { post } = await createKeyedApp();
    const res = await post('/v1/contacts', JSON.stringify(payload));
    expectError(res, 422, 'validation_error', 'validation_failed', param);
    expect(res.headers['x-workspace-id']).toBe('ws_acme');
  });

  it('accepts phone and company as null or left out', async () => {
    const { post } = await createKeyedApp();
    const res = await post('/v1/contacts', { name: 'A', email: 'a@b.io', phone: '+1 (555) 010-0200', company: null });
    expect(res.json()).toMatchObject({ phone: '+1 (555) 010-0200', company: null });
  });
});
