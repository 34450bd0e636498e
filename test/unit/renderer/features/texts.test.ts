import { describe, expect, it } from 'vitest';
import { plainDescription } from '../../../../src-main/helplane/catalog';
import { explainApiError } from '../../../../src-main/helplane/error-explanations';
import { contactCount } from '../../../../src-renderer/src/features/inspector/inspector-format';
import { formatHistoryTime } from '../../../../src-renderer/src/features/history/history-time';

describe('texts a user reads', () => {
  it('counts contacts in good English', () => {
    expect(contactCount(1, false)).toBe('1 contact.');
    expect(contactCount(2, false)).toBe('2 contacts.');
    expect(contactCount(20, true)).toBe('20 contacts so far: more match.');
  });

  it('shows no Markdown backticks from the API description', () => {
    expect(plainDescription('A `next_cursor` from the previous page')).toBe('A “next_cursor” from the previous page');
  });

  it('names the field a validation error is about, without jargon', () => {
    const body = JSON.stringify({ error: { code: 'validation_failed', message: 'email must be an email', param: 'email' } });
    expect(explainApiError(422, body, { name: 'K' })).toBe('The body’s field “email” is not valid: the reply’s message says why.');
    expect(explainApiError(422, JSON.stringify({ error: { code: 'validation_failed' } }), { name: 'K' })).not.toContain('“param”');
  });

  it('History times carry the day: today, yesterday, a date', () => {
    const now = new Date(2026, 11, 1, 15, 0, 0).getTime();
    expect(formatHistoryTime(new Date(2026, 11, 1, 9, 5, 7).getTime(), now, 'en-GB')).toBe('Today 09:05:07');
    expect(formatHistoryTime(new Date(2026, 10, 30, 23, 59, 1).getTime(), now, 'en-GB')).toBe('Yesterday 23:59:01');
    expect(formatHistoryTime(new Date(2026, 10, 28, 16, 40, 2).getTime(), now, 'en-GB')).toBe('28 Nov, 16:40:02');
    expect(formatHistoryTime(new Date(2025, 10, 28, 16, 40, 2).getTime(), now, 'en-GB')).toBe('28 Nov 2025, 16:40');
  });
});

describe('reset summary', () => {
  it('says the new demo key replaces the old one', async () => {
    const { resetSummary } = await import('../../../../src-renderer/src/features/settings/reset-summary');
    const demo = { id: 'k', name: 'Sandbox demo', environment: 'sandbox' as const, baseUrl: 'Embedded sandbox', prefix: 'hl_test_NEW1', createdAt: '', lastUsedAt: null, status: 'active' as const, workspaceId: null };
    expect(resetSummary({ seed: 7, invalidatedKeys: 0, replacedDemoKeys: 1, demoKey: demo })).toBe(
      'The sandbox was reset to its seed data (seed 7). No other sandbox key of this console was affected. A new “Sandbox demo” key replaces the old one.',
    );
  });
});

describe('export progress without a total', () => {
  it('says the total is unknown while the list is read, rather than guessing', async () => {
    const { describeExport } = await import('../../../../src-renderer/src/features/inspector/inspector-format');
    const base = { exportId: 'e', state: 'running' as const, done: 1200, total: null, requests: 12, rateLimited: 0, elapsedMs: 1000, etaMs: null, message: null, path: null, downloadUrl: null, fileName: 'x.csv', kind: 'conversations' as const };
    expect(describeExport(base)).toBe('1,200 rows so far (total unknown) · 12 requests');
  });
});
