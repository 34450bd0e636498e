import { Metric } from '../../components/Metric';
import { selectActiveBudget, selectActiveKey, useConsoleStore } from '../../store';
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
  const shared = budget && budget.keyIds.length > 1;

  return (
    <section role="region" aria-label="Rate limit" className="panel">
      <h2>Rate limit</h2>
      <p className="hint">
        {!key
          ? 'No key selected.'
          : budget
            ? `For ${key.name}${snap?.workspaceId ? ` (workspace ${snap.workspaceId}${shared ? `, shared by ${budget.keyIds.length} keys` : ''})` : ''}. Limit is requests per minute; Burst is the most that can be sent at once.`
            : `No rate-limit headers seen for ${key.name} yet. Send a request to see them.`}
      </p>
      <dl className="metrics">
        <Metric label="Remaining">{show(snap?.remaining)}</Metric>
        <Metric label="Limit">{show(snap?.limit)}</Metric>
        <Metric label="Resets in">
          <ResetsIn resetAt={snap?.resetAt ?? null} />
        </Metric>
        <Metric label="Burst">{show(snap?.burst)}</Metric>
        <Metric label="429 responses">{budget ? String(budget.count429) : '0'}</Metric>
      </dl>
      <RetryCountdown />
      <RecentChart recent={budget?.recent ?? []} />
    </section>
  );
}
