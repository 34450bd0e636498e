import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_RATE_LIMIT, createKeyedApp } from './helpers';

/** Whatever a client sends, the answer is a documented 2xx/4xx in the spec's shape, never a 500. */
describe('client input never causes a 500', () => {
  it('holds for arbitrary JSON bodies on both POST endpoints', async () => {
    const { post } = await createKeyedApp({ rateLimit: NO_RATE_LIMIT });
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          name: fc.jsonValue(),
          email: fc.oneof(fc.emailAddress(), fc.jsonValue()),
          phone: fc.jsonValue(),
          company: fc.jsonValue(),
          conversation_id: fc.oneof(fc.string(), fc.jsonValue()),
          contact_id: fc.oneof(fc.string(), fc.jsonValue()),
          subject: fc.jsonValue(),
          body: fc.oneof(fc.string(), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/contacts', '/v1/messages'), body, async (url, payload) => {
        const res = await post(url, JSON.stringify(payload));
        expect(res.statusCode).toBeLessThan(500);
        expect([201, 400, 404, 409, 422]).toContain(res.statusCode);
        if (res.statusCode >= 400) expect(res.json().error.request_id).toBe(res.headers['x-request-id']);
      }),
      { numRuns: 300 },
    );
  });

  it('holds for arbitrary query strings and raw bodies', async () => {
    const { app, headers } = await createKeyedApp({ rateLimit: NO_RATE_LIMIT });
    const params = fc.dictionary(
      fc.constantFrom('limit', 'starting_after', 'status', 'contact_id', 'email', 'q', 'other'),
      fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v1/conversations', '/v1/contacts', '/v1/conversations/x'),
        params,
        fc.string(),
        async (path, query, raw) => {
          const search = new URLSearchParams();
          for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) search.append(k, one);
          const get = await app.inject({ url: `${path}?${search}`, headers });
          expect([200, 400, 404]).toContain(get.statusCode);
          const post = await app.inject({
            method: 'POST',
            url: '/v1/contacts',
            headers: { ...headers, 'content-type': 'application/json' },
            payload: raw,
          });
          expect(post.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });
});
