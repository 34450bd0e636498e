import type { SandboxReset } from '../../../../src-preload/contract';

/** What a finished reset means, in words. */
export function resetSummary(r: SandboxReset): string {
  const replaced = (r.replacedDemoKeys ?? 0) > 0;
  const keys =
    r.invalidatedKeys === 0
      ? replaced
        ? 'No other sandbox key of this console was affected.'
        : 'No sandbox key of this console was affected.'
      : `${r.invalidatedKeys} sandbox ${r.invalidatedKeys === 1 ? 'key no longer works and is' : 'keys no longer work and are'} marked Invalid on the Keys page.`;
  const demo = r.demoKey
    ? replaced
      ? ` A new “${r.demoKey.name}” key replaces the old one.`
      : ` A new key, “${r.demoKey.name}”, was created for the sandbox.`
    : ' No new sandbox key could be created: create one on the Keys page.';
  return `The sandbox was reset to its seed data (seed ${r.seed}). ${keys}${demo}`;
}
