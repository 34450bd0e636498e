import { useState } from 'react';
import type { RotationView } from '../../../../../src-preload/contract';
import { useConsoleStore } from '../../../store';
import { RotationActions } from './RotationActions';

/**
 * Region "Key rotations" on the Keys page: each rotation under way, waiting or failed (one that
 * the last run left is here after a restart), and those that ended in this run, each with its
 * next move.
 */
export function KeyRotations() {
  const rotations = useConsoleStore((s) => s.rotations);
  if (rotations.length === 0) return null;
  return (
    <section className="panel key-rotations" aria-label="Key rotations">
      <h2>Key rotations</h2>
      <ul>
        {rotations.map((r) => (
          <RotationRow key={r.id} rotation={r} />
        ))}
      </ul>
    </section>
  );
}

function RotationRow({ rotation }: { rotation: RotationView }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <li className={`key-rotation rotation-${rotation.state}`} aria-label={`Rotation of ${rotation.name}`}>
      <p>
        <strong>{rotation.name}</strong>: {rotation.message}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <RotationActions rotation={rotation} onError={setError} />
    </li>
  );
}
