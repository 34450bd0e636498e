import { useState } from 'react';
import type { KeyMeta, RotationView } from '../../../../src-preload/contract';
import { EnvironmentBadge } from '../../components/EnvironmentBadge';
import { RelativeTime } from '../clock/RelativeTime';
import { formatExactTime } from '../../lib/relative-time';
import { selectNow, useConsoleStore } from '../../store';
import { keyAgeDays, keyAgeWords, rotationDue } from '../../lib/key-age';
import type { KeyNotice } from '../../store/keys-slice';
import { keyStatusLabel, unverifiedReason } from '../../lib/key-labels';
import { latestUse } from './key-times';

export type KeyDialogKind = 'rename' | 'edit' | 'revoke' | 'delete' | 'details' | 'rotate';

interface KeysTableProps {
  keys: readonly KeyMeta[];
  /** Open a row dialog; `opener` gets focus back when it closes. */
  onOpenDialog(kind: KeyDialogKind, key: KeyMeta, opener: HTMLElement): void;
}

/**
 * Column order is part of the spec: Name, Prefix, Environment, Created, Last used, Status.
 * The row actions follow in a last column without a header of its own.
 */
export function KeysTable({ keys, onOpenDialog }: KeysTableProps) {
  return (
    <table className="data-table keys-table">
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
          {/* Not a column header: the spec's six headers stay exactly those six. */}
          <td className="row-actions-head" />
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <KeyRow key={key.id} keyMeta={key} onOpenDialog={onOpenDialog} />
        ))}
      </tbody>
    </table>
  );
}

function KeyRow({ keyMeta: key, onOpenDialog }: { keyMeta: KeyMeta; onOpenDialog: KeysTableProps['onOpenDialog'] }) {
  const notice = useConsoleStore((s) => s.keyNotices[key.id]);
  const testKey = useConsoleStore((s) => s.testKey);
  const [testing, setTesting] = useState(false);
  const fromEnvironment = key.source === 'environment';
  const now = useConsoleStore(selectNow);
  const age = keyAgeDays(key.createdAt, now);
  // The replacement of a rotation under way is not rotated itself until that one ends.
  const replacementOf = useConsoleStore((s) => s.rotations.find((r) => r.newKeyId === key.id && r.state !== 'done' && r.state !== 'rolled_back'));
  const cannotRotate = rotateRefusal(key, replacementOf !== undefined);
  const rotatingAway = useConsoleStore((s) => s.rotations.find((r) => r.oldKeyId === key.id && r.state !== 'done' && r.state !== 'rolled_back'));

  async function test() {
    if (testing) return;
    setTesting(true);
    await testKey(key.id);
    setTesting(false);
  }

  return (
    <tr>
      <th scope="row">
        {key.name}
        {fromEnvironment && (
          <>
            {' '}
            <span className="badge from-env">From environment</span>
          </>
        )}
        {key.readOnly && (
          <>
            {' '}
            <span className="badge read-only">Read only</span>
          </>
        )}
      </th>
      <td>
        <code>{key.prefix}</code>
      </td>
      <td>
        {key.environmentUnknown ? <span className="badge env-unknown">Unknown</span> : <EnvironmentBadge environment={key.environment} baseUrl={key.baseUrl} hostVisible={false} />}
      </td>
      <td>
        <time dateTime={key.createdAt} title={formatExactTime(key.createdAt)}>
          {new Date(key.createdAt).toLocaleDateString()}
        </time>
        <span className="hint key-age">{age === 0 ? 'today' : `${keyAgeWords(age)} old`}</span>
      </td>
      <td>
        <RelativeTime iso={latestUse(key)} />
      </td>
      <td>
        <span className={`key-status status-${key.status}`}>{keyStatusLabel(key.status)}</span>
        {rotationDue(key, now) && (
          <>
            {' '}
            <span className="badge rotation-due">Rotation due</span>
          </>
        )}
        {rotatingAway && <p className="hint key-status-reason">{rotationNote(rotatingAway)}</p>}
        {/* The reason once: under the status, unless the row's Test notice below says it. */}
        {key.status === 'unverified' && !(notice?.kind === 'checked' && notice.status === 'unverified') && (
          <p className="hint key-status-reason">{unverifiedReason(key.statusReason)}</p>
        )}
      </td>
      <td className="row-actions-cell">
        {/* Two groups that never break inside: four actions, then three, on at most two lines whatever the fonts. */}
        <div className="row-actions">
          <span className="row-actions-group">
            <button type="button" onClick={() => void test()} disabled={testing} aria-busy={testing}>
              Test
            </button>
            <button type="button" onClick={(e) => onOpenDialog('details', key, e.currentTarget)}>
              Details
            </button>
            {!fromEnvironment && (
              <>
                <button type="button" onClick={(e) => onOpenDialog('rename', key, e.currentTarget)}>
                  Rename
                </button>
                <button type="button" onClick={(e) => onOpenDialog('edit', key, e.currentTarget)}>
                  Edit
                </button>
              </>
            )}
          </span>
          {!fromEnvironment && (
            <span className="row-actions-group">
              <button type="button" disabled={cannotRotate !== null} title={cannotRotate ?? undefined} onClick={(e) => onOpenDialog('rotate', key, e.currentTarget)}>
                Rotate
              </button>
              <button
                type="button"
                disabled={key.status === 'revoked'}
                title={key.status === 'revoked' ? 'This key is already revoked.' : undefined}
                onClick={(e) => onOpenDialog('revoke', key, e.currentTarget)}
              >
                Revoke
              </button>
              <button type="button" className="danger" onClick={(e) => onOpenDialog('delete', key, e.currentTarget)}>
                Delete
              </button>
            </span>
          )}
        </div>
        {key.environmentUnknown && (
          <p className="hint">Environment unknown (recovered from the keychain): not sent anywhere until you choose Edit and set it.</p>
        )}
        {fromEnvironment && (
          <p className="hint">Set by HELPLANE_API_KEY when the console started; change or remove it there.</p>
        )}
        <p className="key-note" role="status">
          {testing ? `Testing ${key.name}…` : notice ? <NoticeText notice={notice} name={key.name} /> : null}
        </p>
      </td>
    </tr>
  );
}

/** Under the old key's status while its rotation is not over. */
function rotationNote(r: RotationView): string {
  if (r.newKeyId === null) return 'Being rotated…';
  if (r.mode === 'automatic' && r.revokeAt) return `Replaced by the new “${r.name}”: revoked at ${formatExactTime(r.revokeAt)}.`;
  if (r.mode === 'guided') return `Replaced by the new “${r.name}”: revoke it where it was issued, then check it under Key rotations.`;
  return `Replaced by the new “${r.name}”: being revoked.`;
}

/** Why Rotate is not offered for a key, or null when it is. */
function rotateRefusal(key: KeyMeta, isReplacement: boolean): string | null {
  if (isReplacement) return 'This key is the replacement of a rotation under way.';
  if (key.environmentUnknown) return 'Set the environment with Edit first.';
  if (key.status === 'revoked') return 'This key is already revoked.';
  if (key.status === 'invalid') return 'The server does not know this key: create or add a new one.';
  if (key.status === 'missing_secret') return 'The keychain no longer holds this key.';
  return null;
}

/** Names the key, so each row's live region makes sense when read out on its own. */
function NoticeText({ notice, name }: { notice: KeyNotice; name: string }) {
  if (notice.kind === 'checked') {
    return (
      <>
        {name} — checked <RelativeTime iso={notice.at} />: {keyStatusLabel(notice.status)}
        {notice.status === 'unverified' && <>. {unverifiedReason(notice.reason)}</>}
      </>
    );
  }
  return (
    <span className={notice.kind === 'error' ? 'key-note-error' : undefined}>
      {name}: {notice.message}
    </span>
  );
}
