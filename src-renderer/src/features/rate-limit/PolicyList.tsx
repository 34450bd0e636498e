import type { RateLimitPolicy } from '../../../../src-preload/contract';
import { leftOf, quotaText, readFrom } from './rate-limit-words';
import { ResetsIn } from './ResetsIn';

/** Each policy the last reply stated, the one that drives the budget first. */
export function PolicyList({ policies }: { policies: readonly RateLimitPolicy[] }) {
  return (
    <ul aria-label="Policies" className="policy-list">
      {policies.map((p, i) => {
        const left = leftOf(p);
        const quota = quotaText(p);
        return (
          <li key={`${p.name ?? ''}|${p.sources.join()}|${i}`}>
            <strong>{p.name !== null ? `“${p.name}”` : 'Policy'}</strong>
            {i === 0 && policies.length > 1 ? ' (the tightest: it drives the budget)' : ''}: {left || 'remaining not stated'}
            {quota ? `, quota ${quota}` : ''}
            {p.burst !== null ? `, bucket ${p.burst}` : ''}
            {p.unit !== null ? ` (counts ${p.unit}, not requests)` : ''}
            {p.resetAt !== null ? (
              <>
                , resets in <ResetsIn resetAt={p.resetAt} />
              </>
            ) : (
              ''
            )}
            {' '}
            <span className="hint">({readFrom(p.sources, p)})</span>.
          </li>
        );
      })}
    </ul>
  );
}
