import { Metric } from '../../components/Metric';
import { selectActiveKey, selectActiveRateLimit, useConsoleStore } from '../../store';
import { ResetsIn } from './ResetsIn';

function show(value: number | string | null | undefined): string {
  return value === null || value === undefined ? 'Unknown' : String(value);
}

/** The latest rate-limit headers seen for the key in use. */
export function RateLimitPanel() {
  const key = useConsoleStore(selectActiveKey);
  const entry = useConsoleStore(selectActiveRateLimit);
  const snap = entry?.snapshot ?? null;

  return (
    <section role="region" aria-label="Rate limit" className="panel">
      <h2>Rate limit</h2>
      <p className="hint">
        {!key
          ? 'No key selected.'
          : entry
            ? `For ${key.name}. Limit is requests per minute; Burst is the most that can be sent at once.`
            : `No rate-limit headers seen for ${key.name} yet. Send a request to see them.`}
      </p>
      <dl className="metrics">
        <Metric label="Remaining">{show(snap?.remaining)}</Metric>
        <Metric label="Limit">{show(snap?.limit)}</Metric>
        <Metric label="Resets in">
          <ResetsIn resetAt={snap?.resetAt ?? null} />
        </Metric>
        <Metric label="Burst">{show(snap?.burst)}</Metric>
        <Metric label="Workspace">{show(snap?.workspaceId)}</Metric>
      </dl>
    </section>
  );
}
