import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { Json } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { createTestApp } from './helpers';

/** The document as clients get it: the bytes GET /v1/openapi.json serves. */
async function servedDocument(): Promise<string> {
  const { app } = createTestApp();
  const res = await app.inject({ url: '/v1/openapi.json' });
  expect(res.statusCode).toBe(200);
  await app.close();
  return res.body;
}

/** Two independent linters, each with its recommended rules, report nothing: no error, no warning. */
describe('the served OpenAPI document, linted', () => {
  it('passes Redocly\u2019s recommended ruleset', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: await servedDocument(), absoluteRef: 'openapi.json', config });
    const shown = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? '?'}`);
    expect(shown).toEqual([]);
  });

  it('passes Spectral\u2019s spectral:oas ruleset', async () => {
    const spectral = new Spectral();
    // spectral-rulesets declares `oas` as a plain object literal that spectral-core's union type does not accept.
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const results = await spectral.run(new Document(await servedDocument(), Json, 'openapi.json'));
    // Severity 0 is an error, 1 a warning (2 information, 3 a hint).
    const shown = results.filter((r) => r.severity <= 1).map((r) => `${r.severity} ${String(r.code)}: ${r.message} at ${r.path.join('.')}`);
    expect(shown).toEqual([]);
  });
});
