import { useId } from 'react';
import { encodeKeepingVariables } from '../../lib/endpoint-catalog';
import type { ResolvedPreview } from './use-resolved-preview';

/** A query as it goes on the URL, a `{{name}}` still unresolved left readable (it blocks Send). */
function queryText(query: NonNullable<ResolvedPreview['resolution']>['preview']['query']): string {
  const pairs = query.flatMap((q) => (Array.isArray(q.value) ? q.value : [q.value]).map((v) => `${encodeKeepingVariables(q.name)}=${encodeKeepingVariables(v)}`));
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

/**
 * Region `Resolved request`: the request as main will send it, every `{{name}}` replaced, before
 * Send; and, when a variable has no value, why Send is blocked (naming it).
 */
export function ResolvedRequest({ preview, describedById }: { preview: ResolvedPreview; describedById: string }) {
  const id = useId();
  const { resolution, blocked } = preview;
  if (!resolution) return null;
  const p = resolution.preview;
  return (
    <section role="region" aria-labelledby={`${id}-title`} className="resolved-request">
      <h3 id={`${id}-title`}>Resolved request</h3>
      <p className="resolved-line">
        <code>
          {p.method} {p.path}
          {queryText(p.query)}
        </code>
      </p>
      {resolution.used.length > 0 && (
        <p className="hint">
          Variables: {resolution.used.map((u) => `{{${u.name}}} from ${u.scope}`).join(', ')}
        </p>
      )}
      {(p.headers.length > 0 || p.body !== undefined) && (
        <details>
          <summary>Headers and body as sent</summary>
          {p.headers.length > 0 && (
            <ul className="resolved-headers">
              {p.headers.map((h, i) => (
                <li key={`${h.name}-${i}`}>
                  <code>
                    {h.name}: {h.value}
                  </code>
                </li>
              ))}
            </ul>
          )}
          {p.body !== undefined && <pre className="resolved-body">{p.body}</pre>}
        </details>
      )}
      <p id={describedById} role="status" className={blocked ? 'form-error' : 'visually-hidden'}>
        {blocked ? `Send is blocked: ${blocked}` : ''}
      </p>
    </section>
  );
}
