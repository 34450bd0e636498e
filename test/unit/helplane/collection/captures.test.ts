import { describe, expect, it } from 'vitest';
import { applyCaptures } from '../../../../src-main/helplane/collection/captures';

const body = JSON.stringify({ id: 'ct_1', count: 2, data: [{ id: 'cv_1', tags: ['a'] }, { id: 'cv_2', tags: [] }], meta: { has_more: false } });

describe('captures', () => {
  it('sets variables from a 2xx JSON body, non-strings as their JSON', () => {
    const result = applyCaptures(
      [
        { variable: 'contact_id', path: '$.id' },
        { variable: 'first', path: '$.data[0].id' },
        { variable: 'count', path: '$.count' },
        { variable: 'meta', path: '$.meta' },
        { variable: 'open', path: '$.data[?@.id == "cv_2"].id' },
      ],
      { status: 201, body },
    );
    expect(result).toEqual({
      applied: true,
      problems: [],
      variables: [
        { name: 'contact_id', value: 'ct_1' },
        { name: 'first', value: 'cv_1' },
        { name: 'count', value: '2' },
        { name: 'meta', value: '{"has_more":false}' },
        { name: 'open', value: 'cv_2' },
      ],
    });
  });

  it('captures nothing after a response that is not 2xx', () => {
    expect(applyCaptures([{ variable: 'x', path: '$.id' }], { status: 404, body })).toEqual({ applied: false, variables: [], problems: [] });
  });

  it('says in words when a path matches nothing or several values, and keeps the others', () => {
    const result = applyCaptures(
      [
        { variable: 'none', path: '$.nope' },
        { variable: 'many', path: '$.data[*].id' },
        { variable: 'ok', path: '$.id' },
      ],
      { status: 200, body },
      'chain/a.request.yaml',
    );
    expect(result.variables).toEqual([{ name: 'ok', value: 'ct_1' }]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'chain/a.request.yaml: capture none ← $.nope: matched nothing in the response.',
      'chain/a.request.yaml: capture many ← $.data[*].id: matched 2 values; make the path select one (such as $.data[0].id).',
    ]);
    expect(result.problems.map((p) => p.field)).toEqual(['captures[0]', 'captures[1]']);
  });

  it('says so when the body is not JSON', () => {
    expect(applyCaptures([{ variable: 'x', path: '$.id' }], { status: 200, body: '<html>' }).problems).toEqual([
      expect.objectContaining({ code: 'capture_failed', message: expect.stringMatching(/not JSON.*\(x\)/) }),
    ]);
  });
});
