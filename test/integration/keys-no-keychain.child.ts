// Run by keys-no-keychain.test.ts in a process whose D-Bus address is dead: no Secret Service.
import { join } from 'node:path';
import { INVOKE_CHANNELS } from '../../src-preload/contract';
import { createInProcessSandbox } from '../../src-main/adapters/in-process-sandbox';
import { createConfMetadataStore } from '../../src-main/adapters/conf-metadata-store';
import { createKeytarSecretStore } from '../../src-main/adapters/keytar-secret-store';
import { createCore } from '../../src-main/core/create-core';
import { nodeHostAdapters } from '../../src-main/adapters/node-host';
import { createSandboxKey } from '../helpers/sandbox-admin';

const dataDir = process.argv[2]!;
const sandbox = createInProcessSandbox({ dataDir: join(dataDir, 'sandbox'), adminToken: 'child-admin' });
const core = await createCore({
  host: 'web',
  dataDir,
  ...nodeHostAdapters(dataDir),
  events: { emit: () => undefined },
  isTrustedSender: () => true,
  metadata: createConfMetadataStore(dataDir),
  secrets: createKeytarSecretStore('Helplane Console no-keychain test'),
  sandbox,
  env: {},
});
const sender = { origin: 'x', isMainFrame: true };
const { secret } = await createSandboxKey(await sandbox.ensureStarted(), 'child-admin');
const out = {
  secret,
  info: await core.router.handle(INVOKE_CHANNELS.appInfo, sender, undefined),
  add: await core.router.handle(INVOKE_CHANNELS.keysAdd, sender, { name: 'x', environment: 'sandbox', secret }),
  create: await core.router.handle(INVOKE_CHANNELS.keysCreate, sender, { name: 'y' }),
  list: await core.router.handle(INVOKE_CHANNELS.keysList, sender, undefined),
};
await core.dispose();
process.stdout.write(JSON.stringify(out));
process.exit(0);
