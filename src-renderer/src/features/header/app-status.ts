import type { AppInfo } from '../../../../src-preload/contract';

/** The embedded sandbox's state in one sentence for the header. */
export function sandboxStatusText(sandbox: AppInfo['sandbox']): string {
  switch (sandbox.state) {
    case 'ready':
      return sandbox.baseUrl ? `Sandbox ready at ${sandbox.baseUrl}` : 'Sandbox ready';
    case 'starting':
      return 'Sandbox starting…';
    case 'stopped':
      return 'Sandbox stopped: it starts with the first sandbox request';
    case 'failed':
      return `Sandbox failed to start${sandbox.message ? `: ${sandbox.message}` : ''}`;
  }
}
