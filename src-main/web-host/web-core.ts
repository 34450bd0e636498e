import { createConfMetadataStore } from '../adapters/conf-metadata-store';
import { nodeHostAdapters, type NodeHostAdapters } from '../adapters/node-host';
import { createCore, type CoreOptions } from '../core/create-core';
import type { EventSink } from '../ports';
import { createDownloadTargets } from './download-targets';

/** What tests and the CLI may set; exports always go to the download registry the host serves. */
export type WebCoreOverrides = Partial<Omit<NodeHostAdapters, 'exportTargets'> & Pick<CoreOptions, 'clock' | 'metadata' | 'env' | 'demoKey' | 'onUnexpectedError'>>;

/** The web host's core: the same services, conf for metadata, senders limited to its own origin. */
export function createWebCore(dataDir: string, overrides: WebCoreOverrides = {}) {
  return async ({ origin, events }: { origin: string; events: EventSink }) => {
    const downloads = createDownloadTargets(dataDir);
    const core = await createCore({
      host: 'web',
      dataDir,
      events,
      ...nodeHostAdapters(dataDir),
      metadata: overrides.metadata ?? createConfMetadataStore(dataDir),
      isTrustedSender: (sender) => sender.isMainFrame && (sender.origin === origin || sender.origin === origin.replace('127.0.0.1', 'localhost')),
      exportTargets: downloads,
      env: process.env,
      ...overrides,
    });
    return { ...core, downloads };
  };
}
