import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createCore, type Core, type CoreOptions } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import type { SandboxRunner, EventSink } from '../../src-main/ports';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import { serve, type Served } from './processes';
import { memorySecretStore } from '../helpers/fakes';
import { createSandboxKey } from '../helpers/sandbox-admin';

const ADMIN = 'bench-admin-token';

/**
 * A sandbox CLI in its own process and the console's core in this one, wired as the hosts do,
 * except the keychain: benches measure the engine, not the OS keychain, so secrets are in memory.
 */
export interface BenchRig {
  baseUrl: string;
  secret: string;
  keyId: string;
  core: Core;
  close(): Promise<void>;
}

export async function startRig(sandboxArgs: string[], events: EventSink['emit'] = () => undefined, overrides: Pick<CoreOptions, 'keepHistory'> = {}): Promise<BenchRig> {
  const dir = mkdtempSync(join(tmpdir(), 'helplane-bench-rig-'));
  let sandbox: Served | null = null;
  let core: Core | null = null;
  try {
    sandbox = await serve(
      'src-main/sandbox-server/cli.ts',
      ['--port', '0', '--data-dir', join(dir, 'sandbox'), '--admin-token', ADMIN, ...sandboxArgs],
      /^Helplane sandbox: (\S+)$/m,
    );
    const baseUrl = sandbox.match;
    const { secret } = await createSandboxKey(baseUrl, ADMIN, 'ws_acme', 'bench');
    const memory = memorySecretStore();
    const runner: SandboxRunner = {
      status: () => ({ state: 'ready', baseUrl, message: null }),
      ensureStarted: async () => baseUrl,
      adminToken: () => ADMIN,
      stop: async () => undefined,
    };
    core = await createCore({
      host: 'web',
      dataDir: join(dir, 'data'),
      ...nodeHostAdapters(join(dir, 'data')),
      events: { emit: events },
      isTrustedSender: () => true,
      metadata: createConfMetadataStore(join(dir, 'data')),
      secrets: memory,
      sandbox: runner,
      env: {},
      demoKey: false,
      // The command line runner's bench runs its core as the runner does: without History.
      ...overrides,
    });
    const added = await core.router.handle(INVOKE_CHANNELS.keysAdd, { origin: null, isMainFrame: true }, { name: 'bench', environment: 'sandbox', secret });
    if (!added.ok) throw new Error(`could not add the bench key: ${added.error.message}`);
    const keyId = (added.value as { id: string }).id;
    const s = sandbox;
    const c = core;
    return {
      baseUrl,
      secret,
      keyId,
      core: c,
      async close() {
        await c.dispose();
        await s.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await core?.dispose();
    await sandbox?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
