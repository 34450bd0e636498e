import { describe, expect, it } from 'vitest';
import { explainApiError } from '../../../src-main/helplane/error-explanations';

const notFound = (param: string | null) => JSON.stringify({ error: { type: 'invalid_request', code: 'not_found', message: 'No such thing.', param, request_id: 'req_1' } });
const key = { name: 'Prod' };

describe('404 not_found hint names where the id came from', () => {
  it('a field of the body: says the body field, not path parameters', () => {
    const hint = explainApiError(404, notFound('conversation_id'), key, { body: '{"conversation_id":"cv_nope","body":"hi"}' }) ?? '';
    expect(hint).toContain('the body’s “conversation_id” field');
    expect(hint).not.toMatch(/path/);
  });

  it('a query parameter', () => {
    expect(explainApiError(404, notFound('contact_id'), key, { queryNames: ['contact_id', 'limit'] })).toContain('query parameter “contact_id”');
  });

  it('a path parameter, when the request has no such body field or query', () => {
    expect(explainApiError(404, notFound('id'), key, { queryNames: [] })).toContain('path parameter “id”');
    expect(explainApiError(404, notFound('id'), key)).toContain('path parameter “id”');
  });

  it('an unknown route (no param): the path itself', () => {
    expect(explainApiError(404, notFound(null), key)).toBe('Nothing exists at that path. Check the path (and any id in it).');
  });

  it('does not echo a param from the server that is not a parameter name (a key, say)', () => {
    const hint = explainApiError(404, notFound('hl_live_abcdefghijklmnopqrstuvwxyz0123456789AB'), key) ?? '';
    expect(hint).not.toContain('hl_live');
    expect(explainApiError(404, notFound('x"; y'), key)).not.toContain('x"');
  });
});
