import { describe, expect, it } from 'vitest';
import { validateBody } from '../../../../src-renderer/src/features/requests/body-validation';
import { buildPath, type EndpointEntry } from '../../../../src-renderer/src/lib/endpoint-catalog';
import { pinRateLimitHeaders } from '../../../../src-renderer/src/features/response/rate-limit-meanings';
import { countMatches } from '../../../../src-renderer/src/features/response/response-body';
import { CREATE_CONTACT_SCHEMA, CREATE_MESSAGE_SCHEMA } from '../../../../src-main/helplane/openapi/schemas';

const contact = JSON.stringify(CREATE_CONTACT_SCHEMA);
const message = JSON.stringify(CREATE_MESSAGE_SCHEMA);

describe('body validation against the endpoint schema', () => {
  it('accepts a valid contact and names what is wrong otherwise', () => {
    expect(validateBody('{"name":"Ada","email":"ada@example.com"}', contact)).toEqual([]);
    expect(validateBody('{"name":"Ada"}', contact).map((p) => p.message)).toContain('“email” is required.');
    expect(validateBody('{"name":"Ada","email":"ada@example.com","age":3}', contact).map((p) => p.message)).toContain('“age” is not a field of this endpoint.');
    expect(validateBody('{"name":', contact)[0]?.message).toMatch(/Not valid JSON/);
    expect(validateBody('', contact)[0]?.message).toMatch(/needs a JSON body/);
  });

  it('accepts either form of a message (oneOf)', () => {
    expect(validateBody('{"conversation_id":"cv_1","body":"Hi"}', message)).toEqual([]);
    expect(validateBody('{"contact_id":"ct_1","subject":"S","body":"Hi"}', message)).toEqual([]);
    expect(validateBody('{"body":"Hi"}', message).length).toBeGreaterThan(0);
  });
});

describe('path parameters', () => {
  const entry = { path: '/v1/conversations/{id}', pathParams: [{ name: 'id' }] } as unknown as EndpointEntry;
  it('fills and encodes them, and says which is missing', () => {
    expect(buildPath(entry, { id: 'cv 1/2' })).toEqual({ path: '/v1/conversations/cv%201%2F2' });
    expect(buildPath(entry, {})).toEqual({ missing: 'id' });
  });
});

describe('response helpers', () => {
  it('pins rate-limit headers on top, with a meaning', () => {
    const pinned = pinRateLimitHeaders([
      { name: 'content-type', value: 'application/json' },
      { name: 'x-ratelimit-remaining', value: '7' },
      { name: 'retry-after', value: '3' },
    ]);
    expect(pinned.map((h) => h.name)).toEqual(['x-ratelimit-remaining', 'retry-after', 'content-type']);
    expect(pinned[0]?.meaning).toBe('7 requests can be sent right now.');
    expect(pinned[1]?.meaning).toBe('Wait 3 s before sending again.');
    expect(pinned[2]?.meaning).toBeNull();
  });

  it('counts matches in the body case-insensitively', () => {
    expect(countMatches('Ada ada ADA', 'ada')).toBe(3);
    expect(countMatches('abc', '')).toBe(0);
  });
});
