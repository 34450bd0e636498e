import { z } from 'zod';
import type { HttpTransport, SandboxRunner } from '../../ports';
import { AppFailure } from '../../lib/errors';

const AdminKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  status: z.enum(['active', 'revoked']),
});
export type AdminKey = z.infer<typeof AdminKeySchema>;
const CreatedSchema = AdminKeySchema.extend({ secret: z.string() });

export const SANDBOX_WORKSPACE = 'ws_acme';

/**
 * The sandbox's admin routes (the Helplane dashboard's part). The admin token goes only to the
 * sandbox's own origin, and never with an X-API-Key.
 */
export class SandboxAdmin {
  constructor(
    private readonly sandbox: SandboxRunner,
    private readonly transport: HttpTransport,
  ) {}

  private async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    let base: string;
    try {
      base = await this.sandbox.ensureStarted();
    } catch (error) {
      throw new AppFailure('sandbox_unavailable', `The embedded sandbox could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    const token = this.sandbox.adminToken();
    if (!token) throw new AppFailure('sandbox_unavailable', 'The embedded sandbox is not running.');
    const res = await this.transport.send({
      url: new URL(path, base).href,
      method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      timeoutMs: 10_000,
      maxBodyBytes: 1024 * 1024,
    });
    let json: unknown = null;
    try {
      json = JSON.parse(Buffer.from(res.body).toString('utf8'));
    } catch {
      // An empty or non-JSON answer is handled by status below.
    }
    return { status: res.status, json };
  }

  async create(name: string, workspace = SANDBOX_WORKSPACE): Promise<AdminKey & { secret: string }> {
    const { status, json } = await this.call('POST', `/_sandbox/workspaces/${workspace}/api_keys`, { name });
    const parsed = CreatedSchema.safeParse(json);
    if (status !== 201 || !parsed.success) throw new AppFailure('sandbox_unavailable', `The sandbox did not create the key (HTTP ${status}).`);
    return parsed.data;
  }

  async list(workspace = SANDBOX_WORKSPACE): Promise<AdminKey[]> {
    const { status, json } = await this.call('GET', `/_sandbox/workspaces/${workspace}/api_keys`);
    const parsed = z.array(AdminKeySchema).safeParse(json);
    if (status !== 200 || !parsed.success) throw new AppFailure('sandbox_unavailable', `The sandbox did not list its keys (HTTP ${status}).`);
    return parsed.data;
  }

  /** Wipe the sandbox and seed it again (keys included); resolves with the seed. */
  async reset(): Promise<{ seed: number }> {
    const { status, json } = await this.call('POST', '/_sandbox/reset');
    const parsed = z.object({ seed: z.number() }).safeParse(json);
    if (status !== 200 || !parsed.success) throw new AppFailure('sandbox_unavailable', `The sandbox was not reset (HTTP ${status}).`);
    return parsed.data;
  }

  async revoke(serverKeyId: string, workspace = SANDBOX_WORKSPACE): Promise<void> {
    if (!(await this.revokeIfKnown(serverKeyId, workspace))) throw new AppFailure('sandbox_unavailable', 'The sandbox did not revoke the key (HTTP 404).');
  }

  /** Revoke; false when the sandbox does not know the key (it was reset): then no key of that id works there. */
  async revokeIfKnown(serverKeyId: string, workspace = SANDBOX_WORKSPACE): Promise<boolean> {
    const { status } = await this.call('DELETE', `/_sandbox/workspaces/${workspace}/api_keys/${encodeURIComponent(serverKeyId)}`);
    if (status === 404) return false;
    if (status !== 200) throw new AppFailure('sandbox_unavailable', `The sandbox did not revoke the key (HTTP ${status}).`);
    return true;
  }
}
