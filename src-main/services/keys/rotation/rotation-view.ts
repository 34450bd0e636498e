import { ROTATION_STEPS, type RotationStep, type RotationStepName, type RotationView } from '../../../../src-preload/contract';
import type { KeyRecord } from '../../../ports';
import type { RotationPlan } from './rotation-plans';

const LABELS: Record<RotationPlan['mode'], Record<RotationStepName, string>> = {
  automatic: {
    create: 'Create the replacement on the sandbox',
    test: 'Test the replacement',
    move: 'Move every reference to it (tabs, saved requests, collections)',
    revoke: 'Revoke the old key',
    verify: 'Check the old key gets 401 revoked_api_key',
  },
  guided: {
    create: 'Store the key you made in the dashboard',
    test: 'Test it',
    move: 'Move every reference to it (tabs, saved requests, collections)',
    revoke: 'You revoke the old key where it was issued',
    verify: 'Check the old key is refused',
  },
};

/** Where revoking is done for a key that is not the sandbox's. */
function revokePlace(record: KeyRecord | null): string {
  return record?.environment === 'custom' ? 'on its server' : 'in the Helplane dashboard (Settings > API)';
}

/** What the window shows of a plan: its steps, its state and one sentence. */
export function rotationView(
  plan: RotationPlan,
  context: { now: number; busy: boolean; record: KeyRecord | null; ended?: { state: 'done' | 'rolled_back'; message: string } },
): RotationView {
  const { ended, busy } = context;
  const at = plan.step === 'rollback' ? -1 : ROTATION_STEPS.indexOf(plan.step);
  const waiting = !busy && !plan.problem && plan.step === 'revoke' && (plan.mode === 'guided' || (plan.revokeAt !== null && Date.parse(plan.revokeAt) > context.now));
  // Guided, a check that failed means the user's revoke is still to come (or did not take): that step waits again.
  const revokeAgain = plan.mode === 'guided' && plan.step === 'verify' && plan.problem !== null && !busy;
  const steps: RotationStep[] = ROTATION_STEPS.map((step, index) => {
    let state: RotationStep['state'];
    if (ended) state = ended.state === 'done' ? 'done' : 'pending';
    else if (at < 0 || index > at) state = 'pending';
    else if (revokeAgain && step === 'revoke') state = 'waiting';
    else if (index < at) state = 'done';
    else state = plan.problem ? 'failed' : waiting ? 'waiting' : 'current';
    const detail = state === 'failed' ? plan.problem : step === 'revoke' && state === 'waiting' && plan.mode === 'guided' ? `Revoke the key with prefix ${context.record?.prefix ?? '(unknown)'} ${revokePlace(context.record)}.` : null;
    return { step, label: LABELS[plan.mode][step], state, detail };
  });
  const state: RotationView['state'] = ended ? ended.state : plan.problem ? 'failed' : waiting ? 'waiting' : 'running';
  return {
    id: plan.id,
    mode: plan.mode,
    oldKeyId: plan.oldKeyId,
    name: plan.name,
    newKeyId: at >= 1 || ended?.state === 'done' ? plan.newKeyId : null,
    revokeAt: plan.revokeAt,
    steps,
    state,
    message: ended ? ended.message : messageOf(plan, state, context.record),
  };
}

function messageOf(plan: RotationPlan, state: RotationView['state'], record: KeyRecord | null): string {
  const after = plan.interrupted ? ' (the console stopped during it and took it up again)' : '';
  if (state === 'failed') {
    if (plan.step === 'rollback') return `${plan.problem} Undoing it did not finish: Retry to undo it.`;
    if (plan.mode === 'guided') return `${plan.problem} Every reference already names the new “${plan.name}”.`;
    return `${plan.problem} Retry to go on${after}.`;
  }
  if (plan.step === 'rollback') return `Undoing the rotation of “${plan.name}”…`;
  if (state === 'waiting') {
    return plan.mode === 'guided'
      ? `Every reference names the new “${plan.name}”${after}. Now revoke the old key (prefix ${record?.prefix ?? 'unknown'}) ${revokePlace(record)}, then choose Check old key is refused.`
      : `Every reference names the new “${plan.name}”${after}. The old key keeps working until the overlap ends, then it is revoked and checked.`;
  }
  return `Rotating “${plan.name}”${after}: ${LABELS[plan.mode][plan.step].toLowerCase()}…`;
}
