import { describe, expect, it } from 'vitest';
import { validateBody } from '../../../../../src-renderer/src/features/requests/body-validation';

const schema = JSON.stringify({
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['conversation_id', 'body'], properties: { conversation_id: { type: 'string', minLength: 1 }, body: { type: 'string', minLength: 1 } } },
  ],
});

describe('body validation flags a template placeholder id', () => {
  it('"cv_…" is not a valid conversation id, in words', () => {
    const problems = validateBody(JSON.stringify({ conversation_id: 'cv_…', body: 'Hi' }), schema);
    expect(problems.map((p) => p.message)).toEqual(['“conversation_id” still holds the template’s placeholder "cv_…": put a real id there.']);
  });

  it('a real id passes', () => {
    expect(validateBody(JSON.stringify({ conversation_id: 'cv_8Hk2', body: 'Hi' }), schema)).toEqual([]);
  });
});
