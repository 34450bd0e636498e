import { describe, expect, it } from 'vitest';
import { testFromDraft, testLabel } from '../../../../src-renderer/src/features/requests/test-rows';
import { leafOf } from '../../../../src-renderer/src/features/response/large-tree-leaf';
import { suggestVariableName, variableValue } from '../../../../src-renderer/src/features/response/variable-name';

describe('Use as variable helpers', () => {
  it('suggests a name from the key, an id named after its prefix, always a valid variable name', () => {
    expect(suggestVariableName('id', 'ct_123')).toBe('contact_id');
    expect(suggestVariableName('id', 'cv_9')).toBe('conversation_id');
    expect(suggestVariableName('id', 42)).toBe('id');
    expect(suggestVariableName('0', 'vip', 'tags')).toBe('tags');
    expect(suggestVariableName('first name', 'Ada')).toBe('first_name');
    expect(suggestVariableName('2fa', true)).toBe('v_2fa');
  });

  it('keeps a string as is and anything else as its JSON, as captures do', () => {
    expect(variableValue('ct_1')).toBe('ct_1');
    expect(variableValue(42)).toBe('42');
    expect(variableValue(null)).toBe('null');
  });

  it('reads a large-tree leaf’s key and value from its printed line', () => {
    expect(leafOf('"id": "ct_1",')).toEqual({ name: 'id', value: 'ct_1' });
    expect(leafOf('  "count": 3')).toEqual({ name: 'count', value: 3 });
    expect(leafOf('"vip"')).toEqual({ name: undefined, value: 'vip' });
    expect(leafOf('not json')).toBeUndefined();
  });
});

describe('Add test', () => {
  it('makes the collection format’s rows and refuses what main would refuse, in words', () => {
    expect(testFromDraft({ kind: 'status', subject: '201', check: 'equals', expected: '' })).toEqual({ test: { status: 201 } });
    expect(testFromDraft({ kind: 'jsonpath', subject: '$.count', check: 'equals', expected: '3' })).toEqual({ test: { jsonpath: '$.count', equals: 3 } });
    expect(testFromDraft({ kind: 'jsonpath', subject: '$.name', check: 'equals', expected: 'Ada' })).toEqual({ test: { jsonpath: '$.name', equals: 'Ada' } });
    expect(testFromDraft({ kind: 'header', subject: 'Content-Type', check: 'exists', expected: '' })).toEqual({ test: { header: 'Content-Type', exists: true } });
    expect(testFromDraft({ kind: 'duration', subject: '500', check: 'equals', expected: '' })).toEqual({ test: { duration_under_ms: 500 } });
    expect(testFromDraft({ kind: 'schema', subject: '', check: 'equals', expected: '' })).toEqual({ test: { schema: 'endpoint' } });
    expect(testFromDraft({ kind: 'status', subject: '99', check: 'equals', expected: '' })).toHaveProperty('error');
    expect(testFromDraft({ kind: 'jsonpath', subject: 'id', check: 'exists', expected: '' })).toHaveProperty('error');
    expect(testFromDraft({ kind: 'header', subject: 'X', check: 'matches', expected: '(' })).toHaveProperty('error');
  });

  it('describes each row as main labels its result', () => {
    expect(testLabel({ status: 201 })).toBe('status is 201');
    expect(testLabel({ jsonpath: '$.name', equals: 'Ada' })).toBe('$.name equals "Ada"');
    expect(testLabel({ header: 'X-A', exists: false })).toBe('header X-A is absent');
    expect(testLabel({ duration_under_ms: 500 })).toBe('duration under 500 ms');
  });
});
