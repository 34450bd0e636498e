import { useId, useMemo } from 'react';
import { isPickable, isUsableKey, keyOptionLabel, unusableKeyMessage } from '../../lib/key-labels';
import { selectActiveKey, selectKeys, useConsoleStore } from '../../store';

/**
 * The key in use, one for the whole console (Requests' "Key", the Inspector's "Read with key" and
 * the header's "Key in use" read the same selection). Each option shows a status other than
 * Active; revoked, invalid and secret-less keys are listed but cannot be picked; a recovered key of
 * unknown environment is not listed (Keys → Edit assigns one).
 */
export function KeyPicker({
  label,
  className = 'field',
  describedBy,
  preferReadOnly = false,
}: {
  label: string;
  className?: string;
  describedBy?: string | undefined;
  /** The Inspector only reads: it offers a read-only key when the key in use is not one. */
  preferReadOnly?: boolean;
}) {
  const id = useId();
  const allKeys = useConsoleStore(selectKeys);
  const keys = useMemo(() => allKeys.filter(isPickable), [allKeys]);
  const active = useConsoleStore(selectActiveKey);
  const selectKey = useConsoleStore((s) => s.selectKey);
  const unusable = active && !isUsableKey(active) ? unusableKeyMessage(active) : null;
  const readOnly = preferReadOnly && active?.readOnly !== true ? keys.find((k) => k.readOnly === true && isUsableKey(k)) : undefined;
  const described = [describedBy, unusable ? `${id}-unusable` : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={active?.id ?? ''} disabled={keys.length === 0} aria-describedby={described} onChange={(e) => selectKey(e.target.value)}>
        {keys.length === 0 && <option value="">No keys</option>}
        {keys.map((key) => (
          <option key={key.id} value={key.id} disabled={!isUsableKey(key) && key.id !== active?.id}>
            {keyOptionLabel(key)}
          </option>
        ))}
      </select>
      {unusable && (
        <p id={`${id}-unusable`} role="alert" className="form-error">
          {unusable}
        </p>
      )}
      {readOnly && (
        <p className="hint prefer-read-only">
          “{readOnly.name}” is read only: it cannot change anything, which suits looking at customer data.{' '}
          <button type="button" className="link-button" onClick={() => selectKey(readOnly.id)}>
            Use {readOnly.name}
          </button>
        </p>
      )}
    </div>
  );
}
