import { Metric } from '../../components/Metric';
import { selectActiveBudget, selectActiveKey, useConsoleStore } from '../../store';
import { PolicyList } from './PolicyList';
import { carryOverNote, numbersOf, quotaText, readFrom } from './rate-limit-words';
import { RecentChart } from './RecentChart';
import { ResetsIn } from './ResetsIn';
import { RetryCountdown } from '../requests/RetryCountdown';

function show(value: number | string | null | undefined): string {
  return value === null || value === undefined ? 'Unknown' : String(value);
}

/** The budget of the key in use, as main tracks it: latest rate-limit headers, recent requests, 429s. */
export function RateLimitPanel() {
  const key = useConsoleStore(selectActiveKey);
  const budget = useConsoleStore(selectActiveBudget);
  const snap = budget?.snapshot ?? null;
  const numbers = snap ? numbersOf(snap) : null;
  // Only keys whose latest reply spent from this very budget (same server, same workspace).
  const shared = budget && budget.keyIds.length > 1;
  const source = readFrom(snap?.sources, { remaining: snap?.remaining ?? null, quota: snap?.limit ?? null });
  const policies = snap?.policies ?? [];
  const note = numbers ? carryOverNote(numbers) : null;

  return (
    <section role="region" aria-label="Rate limit" className="panel">
      <h2>Rate limit</h2>
      <p className="hint">
        {!key
          ? 'No key selected.'
          : budget
            ? `For ${key.name}${snap?.workspaceId ? ` (workspace ${snap.workspaceId}${shared ? `, shared by ${budget.keyIds.length} keys` : ''})` : ''}${source ? `, ${source}` : ''}. Remaining is what can be sent now; Limit is what the server allows per window (the refill rate); Burst is the most the bucket holds.`
            : `No rate-limit headers seen for ${key.name} yet. Send a request to see them.`}
      </p>
      <dl className="metrics">
        <Metric label="Remaining">{show(snap?.remaining)}</Metric>
        <Metric label="Limit">{show(numbers ? quotaText(numbers) : null)}</Metric>
        <Metric label="Resets in">
          <ResetsIn resetAt={snap?.resetAt ?? null} />
        </Metric>
        <Metric label="Burst">{show(snap?.burst)}</Metric>
        <Metric label="429 responses">{budget ? String(budget.count429) : '0'}</Metric>
      </dl>
      {note && <p className="hint">{note}</p>}
      {policies.length > 1 && <PolicyList policies={policies} />}
      <RetryCountdown />
      <RecentChart recent={budget?.recent ?? []} />
    </section>
  );
}
