import type { RotationStep, RotationView } from '../../../../../src-preload/contract';
import { formatExactTime } from '../../../lib/relative-time';

const STATE_WORDS: Record<RotationStep['state'], string> = {
  done: 'done',
  current: 'in progress',
  waiting: 'waiting',
  failed: 'failed',
  pending: 'not yet',
};

/** A rotation's steps in order, each with its state in words (not only a colour or a mark). */
export function RotationSteps({ rotation }: { rotation: RotationView }) {
  return (
    <ol className="rotation-steps" aria-label="Rotation steps">
      {rotation.steps.map((step) => (
        <li key={step.step} className={`rotation-step step-${step.state}`}>
          <span className="rotation-step-mark" aria-hidden="true">
            {step.state === 'done' ? '✓' : step.state === 'failed' ? '✕' : step.state === 'current' ? '…' : step.state === 'waiting' ? '◷' : '○'}
          </span>
          <span className="rotation-step-label">{step.label}</span>
          <span className="rotation-step-state">: {STATE_WORDS[step.state]}</span>
          {step.step === 'revoke' && step.state === 'waiting' && rotation.mode === 'automatic' && rotation.revokeAt && (
            <span className="hint"> at {formatExactTime(rotation.revokeAt)}</span>
          )}
          {step.detail && <p className="hint rotation-step-detail">{step.detail}</p>}
        </li>
      ))}
    </ol>
  );
}
