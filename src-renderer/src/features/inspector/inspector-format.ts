import type { ContactScanProgress, ExportProgress } from '../../../../src-preload/contract';

/** "about 12 s left", "about 3 min left", or null when unknown. */
export function formatEta(ms: number | null): string | null {
  if (ms === null) return null;
  if (ms < 1000) return 'less than a second left';
  const s = Math.ceil(ms / 1000);
  if (s < 90) return `about ${s} s left`;
  return `about ${Math.round(s / 60)} min left`;
}

/** The line under the progress bar: counts, time left, and what the export is waiting for. */
export function describeExport(p: ExportProgress): string {
  // A list says only whether more pages follow: until the last one the total is unknown, and says so.
  const rows =
    p.total !== null
      ? `${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} rows`
      : `${p.done.toLocaleString('en')} row${p.done === 1 ? '' : 's'}${p.state === 'running' || p.state === 'waiting' ? ' so far (total unknown)' : ''}`;
  switch (p.state) {
    case 'running': {
      const eta = formatEta(p.etaMs);
      return [rows, eta, `${p.requests} requests`].filter(Boolean).join(' · ');
    }
    case 'waiting':
      return `${rows} · ${p.message ?? 'Waiting for the rate limit.'}`;
    case 'done':
      return `Done: ${rows} in ${(p.elapsedMs / 1000).toFixed(1)} s, ${p.requests} requests, ${p.rateLimited} rate-limited.`;
    case 'cancelled':
    case 'failed':
      return p.message ?? 'The export stopped.';
  }
}

/** Is this mouse button the browser's "back" (3) or "forward" (4) side button? */
export function sideButton(button: number): 'back' | 'forward' | null {
  return button === 3 ? 'back' : button === 4 ? 'forward' : null;
}

/** "1 contact.", "20 contacts.", "20 contacts so far: more match." */
export function contactCount(n: number, more: boolean): string {
  const words = `${n} contact${n === 1 ? '' : 's'}`;
  return more ? `${words} so far: more match.` : `${words}.`;
}

/**
 * The line under a contact scan's bar. The contacts list says only whether more follow, so the total
 * is known at the last page; until then the count says "so far" rather than inventing one.
 * `lookingFor`: the id an id scan opens.
 */
export function describeScan(p: ContactScanProgress | null, lookingFor: string | null): string {
  if (!p) return lookingFor ? `Looking for ${lookingFor}…` : 'Starting the scan…';
  const n = p.scanned.toLocaleString('en');
  const matches = `${p.matches.length} match${p.matches.length === 1 ? '' : 'es'}`;
  switch (p.state) {
    case 'running':
      return lookingFor ? `Looking for ${lookingFor}: scanned ${n} contacts so far (total unknown until the last page).` : `Scanned ${n} contacts so far (total unknown until the last page) · ${matches}.`;
    case 'waiting':
      return `Scanned ${n} contacts so far · ${p.message ?? 'Waiting for the rate limit.'}`;
    case 'done':
      if (p.matchesCapped) return p.message ?? `${matches}; the scan stopped early.`;
      if (lookingFor) return p.matches.length > 0 ? `Found ${lookingFor}.` : `No contact ${lookingFor} in this workspace: scanned all ${n} contacts.`;
      return `Scanned all ${n} of ${n} contacts: ${matches}.`;
    case 'cancelled':
    case 'failed':
      return p.message ?? 'The scan stopped.';
  }
}
