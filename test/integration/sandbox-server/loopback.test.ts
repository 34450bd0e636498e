import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src-main/sandbox-server/server';

let sandbox: RunningSandbox | null = null;
afterEach(async () => {
  await sandbox?.close();
  sandbox = null;
});

describe('sandbox over real loopback', () => {
  it('listens on 127.0.0.1, issues a key and serves conversations with rate-limit headers', async () => {
    sandbox = await startSandbox({ port: 0 });
    const { baseUrl, adminToken } = sandbox;
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(adminToken.length).toBeGreaterThanOrEqual(32);

    const created = await fetch(`${baseUrl}/_sandbox/workspaces/ws_acme/api_keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'loopback' }),
    });
    expect(created.status).toBe(201);
    const { secret } = (await created.json()) as { secret: string };

    const res = await fetch(`${baseUrl}/v1/conversations?limit=3`, { headers: { 'x-api-key': secret } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('199');
    expect(res.headers.get('x-workspace-id')).toBe('ws_acme');
    const body = (await res.json()) as { data: unknown[]; has_more: boolean };
    expect(body.data).toHaveLength(3);
    expect(body.has_more).toBe(true);
  });

  it('generates a different admin token per launch and honours a given one', async () => {
    const a = await startSandbox();
    const b = await startSandbox();
    try {
      expect(a.adminToken).not.toBe(b.adminToken);
      expect(a.baseUrl).not.toBe(b.baseUrl);
    } finally {
      await a.close();
      await b.close();
    }
    sandbox = await startSandbox({ adminToken: 'given-token' });
    const ok = await fetch(`${sandbox.baseUrl}/_sandbox/workspaces`, { headers: { authorization: 'Bearer given-token' } });
    expect(ok.status).toBe(200);
  });

  it('stops accepting connections after close', async () => {
    const s = await startSandbox();
    await s.close();
    await expect(fetch(`${s.baseUrl}/v1/conversations`)).rejects.toThrow();
  });
});
