import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCollection, serialiseCollection } from '../../../../src-main/helplane/collection/collection-file';
import { collectionArb } from './arbitraries';

const HAND_WRITTEN = `# Shared by the whole team.
name: Acme onboarding
variables:
  email: ada@example.com   # any unused address
environments:
  sandbox:
    workspace: ws_acme
  "custom:https://helplane.acme.internal":
    workspace: ws_acme_staging
`;

describe('collection file', () => {
  it('parse(serialise(x)) equals x, and re-saving gives the same bytes', () => {
    fc.assert(
      fc.property(collectionArb, (collection) => {
        const bytes = serialiseCollection(collection);
        const back = parseCollection(bytes);
        expect(back).toEqual({ ok: true, value: collection });
        if (back.ok) expect(serialiseCollection(back.value, { text: bytes, value: back.value })).toBe(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('reads variables per collection and per environment, in file order', () => {
    const result = parseCollection(HAND_WRITTEN);
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Acme onboarding',
        variables: [{ name: 'email', value: 'ada@example.com' }],
        environments: [
          { environment: 'sandbox', variables: [{ name: 'workspace', value: 'ws_acme' }] },
          { environment: 'custom:https://helplane.acme.internal', variables: [{ name: 'workspace', value: 'ws_acme_staging' }] },
        ],
      },
    });
  });

  it('keeps comments when unchanged, and on untouched fields when a variable changes', () => {
    const result = parseCollection(HAND_WRITTEN);
    if (!result.ok) throw new Error(result.problem.message);
    expect(serialiseCollection(structuredClone(result.value), { text: HAND_WRITTEN, value: result.value })).toBe(HAND_WRITTEN);
    const changed = { ...result.value, name: 'Acme' };
    const text = serialiseCollection(changed, { text: HAND_WRITTEN, value: result.value });
    expect(text).toContain('# any unused address');
    expect(text).toContain('# Shared by the whole team.');
    expect(parseCollection(text)).toEqual({ ok: true, value: changed });
  });

  it('names the field and line of a bad environment', () => {
    const result = parseCollection('name: x\nenvironments:\n  staging:\n    a: b\n');
    expect(result).toMatchObject({ ok: false, problem: { code: 'invalid_field', file: 'collection.yaml', field: 'environments.staging', line: 3 } });
  });
});
