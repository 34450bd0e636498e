import type { KeyMeta } from '../../../../src-preload/contract';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { formatExactTime } from '../../lib/relative-time';
import { keyStatusLabel } from './key-labels';

/** Column order is part of the spec: Name, Prefix, Environment, Created, Last used, Status. */
export function KeysTable({ keys }: { keys: readonly KeyMeta[] }) {
  return (
    <table className="data-table">
      {/* A caption (not aria-label) names the table, so getByLabel('API key') stays unambiguous. */}
      <caption>API keys</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Prefix</th>
          <th scope="col">Environment</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id}>
            <th scope="row">{key.name}</th>
            <td>
              <code>{key.prefix}</code>
            </td>
            <td>
              <EnvironmentBadge environment={key.environment} />
            </td>
            <td>
              <time dateTime={key.createdAt} title={formatExactTime(key.createdAt)}>
                {new Date(key.createdAt).toLocaleDateString()}
              </time>
            </td>
            <td>
              <RelativeTime iso={key.lastUsedAt} />
            </td>
            <td>
              <span className={`key-status status-${key.status}`}>{keyStatusLabel(key.status)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
