import { describe, expect, it } from 'vitest';
import { InspectorService } from '../../../../src-main/services/inspector/inspector-service';
import { instantPacer, scriptedGateway } from './support-fakes';

const detail = { id: 'cv_1', object: 'conversation', subject: 's', status: 'open', channel: 'email', contact_id: 'ct_1', assignee: null, tags: [], message_count: 0, created_at: 'x', updated_at: 'x', last_message_at: null, messages: [] };

describe('InspectorService with the pacer', () => {
  it('waits for a token the Timeline or a scan spent, rather than sending into a 429', async () => {
    const { api, calls } = scriptedGateway(() => ({ body: JSON.stringify(detail) }));
    const { pacer, slept } = instantPacer();
    // A background walk has just spent the bucket: none left, 100 a minute come back.
    pacer.afterReply(await api.budgetFor('k'), { remaining: 0, limit: 100, windowSeconds: 60, retryAfterSeconds: null, burst: 200 }, 0);
    const inspector = new InspectorService(api, {}, pacer);
    expect((await inspector.conversation('k', 'cv_1')).id).toBe('cv_1');
    expect(calls).toHaveLength(1);
    expect(slept.length).toBe(1);
    expect(slept[0]!).toBeGreaterThan(0);
  });
});
