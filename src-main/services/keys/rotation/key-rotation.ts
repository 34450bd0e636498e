import { randomBytes } from 'node:crypto';
import type { RotateGuidedInput, RotationView } from '../../../../src-preload/contract';
import type { Clock, EventSink, HttpTransport, KeyRecord, SandboxRunner, SecretStore } from '../../../ports';
import { AppFailure } from '../../../lib/errors';
import { ENV_KEY_ID } from '../env-key';
import { resolveKeyOrigin } from '../key-origin';
import type { KeyRecords } from '../key-records';
import { newKeyId, type KeyService } from '../key-service';
import { verifyKey } from '../key-verifier';
import { SANDBOX_WORKSPACE, type SandboxAdmin } from '../sandbox-admin';
import type { PlanStep, RotationPlan, RotationPlans } from './rotation-plans';
import { rotationView } from './rotation-view';

/** Where the references to a key live beyond the keys list: the open tabs (main's drafts) and the window. */
export interface KeyReferences {
  /** Every reference to `from` now names `to`; how many open tabs changed. */
  move(from: string, to: string): { tabs: number };
}

export interface KeyRotationDeps {
  plans: RotationPlans;
  keys: KeyService;
  records: KeyRecords;
  secrets: SecretStore;
  transport: HttpTransport;
  sandbox: SandboxRunner;
  admin: SandboxAdmin;
  references: KeyReferences;
  events: EventSink;
  clock: Clock;
  /** A timer for the end of an overlap (tests pass none and call runDue). */
  setTimer?: (run: () => void, ms: number) => { cancel(): void };
}

/** The longest a timer waits before looking at the overlaps again (a laptop asleep misses timers). */
const RECHECK_MS = 15 * 60_000;
/** Ended rotations shown in this run (done, rolled back), newest last. */
const KEEP_ENDED = 20;

/**
 * Key rotation (issue 19). Each rotation is a plan (rotation-plans.ts) walked step by step:
 * create → test → move → revoke → verify. Before the references move, any failure or
 * interruption rolls the rotation back (the replacement is revoked and removed; the old key is
 * untouched and every reference still names it). From the move on, it only goes forward: the
 * references name the replacement, and a failed revoke or check is retried (Retry, or the next start).
 */
export class KeyRotation {
  private readonly ended: RotationView[] = [];
  private readonly busy = new Set<string>();
  /** Keys whose rotation is being set up (before its plan is written): a second Rotate of one is refused. */
  private readonly starting = new Set<string>();
  private timer: { cancel(): void } | null = null;
  private disposed = false;

  constructor(private readonly deps: KeyRotationDeps) {}

  /** Rotations under way or waiting, then those that ended in this run. */
  list(): RotationView[] {
    const now = this.deps.clock.now();
    return [...this.deps.plans.list().map((p) => rotationView(p, { now, busy: this.busy.has(p.id), record: this.record(p.oldKeyId) })), ...this.ended];
  }

  /** Sandbox: the whole rotation, up to the end or to the overlap the user chose. */
  async rotate(input: { id: string; overlapHours: number }): Promise<RotationView> {
    const old = this.rotatable(input.id);
    if (old.environment !== 'sandbox') throw new AppFailure('invalid_argument', 'Only sandbox keys are rotated automatically: paste the key you made in the Helplane dashboard instead.');
    const plan = this.deps.plans.put({
      id: `rot_${randomBytes(8).toString('hex')}`,
      mode: 'automatic',
      oldKeyId: old.id,
      name: old.name,
      newKeyId: newKeyId(),
      newServerKeyId: null,
      oldServerKeyId: old.serverKeyId ?? null,
      startedAt: this.nowIso(),
      overlapHours: input.overlapHours,
      revokeAt: null,
      step: 'create',
      problem: null,
    });
    return this.walk(plan.id);
  }

  /**
   * Production and custom: the key the user made in the dashboard is checked (its format, the
   * same server, a working key of the same workspace), stored and given every reference. The
   * rotation then waits for the user to revoke the old key there and press Check (confirm).
   */
  async rotateGuided(input: RotateGuidedInput): Promise<RotationView> {
    const old = this.rotatable(input.id);
    if (old.environment === 'sandbox') throw new AppFailure('invalid_argument', 'Sandbox keys are rotated by the console itself: choose Rotate without pasting a key.');
    // Held from here (the first await) until the plan is written or dropped: two pastes at once make one rotation.
    this.starting.add(old.id);
    try {
      return await this.startGuided(old, input.secret.trim());
    } finally {
      this.starting.delete(old.id);
    }
  }

  private async startGuided(old: KeyRecord, secret: string): Promise<RotationView> {
    const oldSecret = await this.deps.secrets.get(old.id);
    if (oldSecret !== null && oldSecret === secret) throw new AppFailure('invalid_argument', 'That is the key being rotated. Paste the new key you made in the dashboard.');
    const newId = newKeyId();
    const plan = this.deps.plans.put({
      id: `rot_${randomBytes(8).toString('hex')}`,
      mode: 'guided',
      oldKeyId: old.id,
      name: old.name,
      newKeyId: newId,
      newServerKeyId: null,
      startedAt: this.nowIso(),
      overlapHours: 0,
      revokeAt: null,
      step: 'create',
      problem: null,
    });
    // Not announced yet: the window keeps its form until the pasted key is accepted (a refusal drops the plan).
    try {
      await this.deps.keys.add(
        { name: replacementName(old.name), environment: old.environment, baseUrl: old.baseUrl ?? '', secret },
        {
          id: newId,
          accept: (v) => {
            if (v.status !== 'active') throw new AppFailure('key_refused', `The new key did not work: ${v.reason ?? `the server says it is ${v.status.replace('_', ' ')}`}. Nothing was changed.`);
            if (old.workspaceId && v.workspaceId && v.workspaceId !== old.workspaceId) {
              throw new AppFailure('invalid_argument', `The new key belongs to workspace ${v.workspaceId}, the old one to ${old.workspaceId}: a rotation keeps the workspace. Nothing was changed.`);
            }
          },
        },
      );
    } catch (error) {
      // Nothing was stored (add stores last): the plan goes, the old key is as it was.
      this.deps.plans.remove(plan.id);
      throw error;
    }
    this.deps.plans.put({ ...plan, step: 'move' });
    return this.walk(plan.id);
  }

  /**
   * The user's next move on a waiting rotation: guided, the old key was revoked in the dashboard
   * (one call checks it is refused); automatic in its overlap, revoke it now.
   */
  async confirm(id: string): Promise<RotationView> {
    const plan = this.idle(id);
    if (plan.step !== 'revoke' && plan.step !== 'verify') throw new AppFailure('invalid_argument', 'This rotation is not waiting for the old key to be revoked.');
    if (plan.mode === 'guided') return this.walk(this.deps.plans.put({ ...plan, step: 'verify', problem: null }).id);
    return this.walk(this.deps.plans.put({ ...plan, revokeAt: null, problem: null }).id);
  }

  /** Go on with a rotation that stopped on a failure (or undo it, if it stopped while being undone). */
  async retry(id: string): Promise<RotationView> {
    const plan = this.idle(id);
    return this.walk(this.deps.plans.put({ ...plan, problem: null }).id);
  }

  /**
   * The replacement of a rotation that is not over holds every reference (or is about to): it is
   * not revoked or deleted until that rotation ends, or a tab would be left with a key that is gone.
   */
  refuseLosing(keyId: string, what: 'revoked' | 'deleted'): void {
    const plan = this.deps.plans.list().find((p) => p.newKeyId === keyId);
    if (plan) {
      throw new AppFailure(
        'invalid_argument',
        `This key replaces “${plan.name}” in a rotation that is not finished, and every reference names it: it cannot be ${what} until that rotation ends (see Key rotations).`,
      );
    }
    // Before the move the old key still holds every reference (and an undo gives them back to it).
    const early = this.deps.plans.list().find((p) => p.oldKeyId === keyId && (p.step === 'create' || p.step === 'test'));
    if (early || this.starting.has(keyId)) {
      throw new AppFailure('invalid_argument', `“${early?.name ?? 'This key'}” is being rotated and still holds every reference: it cannot be ${what} until the rotation has moved them (a moment) or was undone.`);
    }
  }

  /**
   * Settings → Reset sandbox wiped the sandbox's keys: a sandbox rotation under way has nothing
   * left to revoke or check, so it ends here; the reset already made the keys Invalid.
   */
  sandboxWasReset(): void {
    for (const plan of this.deps.plans.list()) {
      if (plan.mode !== 'automatic' || this.busy.has(plan.id)) continue;
      this.end(plan, plan.step === 'rollback' ? 'rolled_back' : 'done', `The sandbox was reset during the rotation of “${plan.name}”: its keys are gone there, so the rotation ended.`);
    }
    this.changed();
  }

  /** Forget an ended rotation shown in this run. */
  dismiss(id: string): void {
    const at = this.ended.findIndex((v) => v.id === id);
    if (at >= 0) this.ended.splice(at, 1);
    this.changed();
  }

  /**
   * Start-up: every plan left by a console that quit. Before its references moved, it is rolled
   * back; after, it goes on (a waiting overlap or a guided rotation just waits again).
   */
  async resume(): Promise<void> {
    for (const found of this.deps.plans.list()) {
      // One plan that cannot be taken up (its file unwritable, a step that throws) leaves the others to go on.
      try {
        // A guided check waits for the user again (no call to a production server before the window is up).
        const plan = this.deps.plans.put({ ...found, interrupted: true, ...(found.mode === 'guided' && found.step === 'verify' ? { step: 'revoke' as const } : {}) });
        // After the move: the tabs name the replacement again, whatever the last run managed to write.
        if (plan.step === 'revoke' || plan.step === 'verify') this.deps.references.move(plan.oldKeyId, plan.newKeyId);
        if (plan.step === 'create' || plan.step === 'test') {
          this.deps.plans.put({ ...plan, step: 'rollback', problem: `The console stopped while the rotation was at step “${plan.step}”, before any reference had moved; it was undone.` });
        }
        await this.walk(plan.id);
      } catch {
        // Kept in rotation.json: the next start (or Retry) tries again.
      }
    }
    this.schedule();
  }

  /** Revoke the old keys whose overlap has ended (the timer calls it; so can tests). */
  async runDue(): Promise<void> {
    const now = this.deps.clock.now();
    for (const plan of this.deps.plans.list()) {
      if (plan.mode === 'automatic' && plan.step === 'revoke' && plan.revokeAt !== null && Date.parse(plan.revokeAt) <= now && !plan.problem) {
        await this.walk(plan.id).catch(() => undefined);
      }
    }
    this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = null;
  }

  // ─── The steps ───

  /**
   * Run the plan from its step until it ends, waits, or a step fails. A failure is kept on the plan
   * and shown in its view (not thrown): before the move it undoes the rotation; from the move on it
   * waits for Retry. Only a plan file that cannot be written stops it with an error.
   */
  private async walk(id: string): Promise<RotationView> {
    if (this.busy.has(id)) throw new AppFailure('invalid_argument', 'This rotation is already at work.');
    this.busy.add(id);
    try {
      for (;;) {
        const plan = this.plan(id);
        this.changed();
        let next: PlanStep | 'wait' | 'ended';
        try {
          next = await this.runStep(plan);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const failed = this.plan(id);
          const undo = failed.step === 'create' || failed.step === 'test';
          this.deps.plans.put({ ...failed, step: undo ? 'rollback' : failed.step, problem: undo ? `${message} The rotation was undone.` : message });
          if (!undo) return this.view(id, false);
          break;
        }
        if (next === 'ended') return this.ended.find((v) => v.id === id)!;
        if (next === 'wait') return this.view(id, false);
        this.deps.plans.put({ ...this.plan(id), step: next, problem: null });
      }
    } finally {
      this.busy.delete(id);
      this.changed();
      this.schedule();
    }
    // Undo at once what a failed step left (a failure while undoing waits for Retry, or the next start).
    return this.walk(id);
  }

  private async runStep(plan: RotationPlan): Promise<PlanStep | 'wait' | 'ended'> {
    switch (plan.step) {
      case 'create':
        return this.create(plan);
      case 'test':
        return this.test(plan);
      case 'move':
        return this.move(plan);
      case 'revoke':
        return this.revoke(plan);
      case 'verify':
        return this.verify(plan);
      case 'rollback':
        return this.rollback(plan);
    }
  }

  private async create(plan: RotationPlan): Promise<PlanStep> {
    // The sandbox makes the key, the keychain stores it, then the secret is forgotten (it is never shown).
    const created = await this.deps.keys.create(plan.name, { id: plan.newKeyId, localName: replacementName(plan.name) });
    const serverId = this.deps.records.read().find((r) => r.id === created.key.id)?.serverKeyId ?? null;
    this.deps.plans.put({ ...plan, newServerKeyId: serverId });
    return 'test';
  }

  private async test(plan: RotationPlan): Promise<PlanStep> {
    const tested = await this.deps.keys.test(plan.newKeyId);
    if (tested.status !== 'active') {
      throw new AppFailure('key_refused', `The replacement did not work when tested (${tested.statusReason ?? tested.status.replace('_', ' ')}).`);
    }
    return 'move';
  }

  /**
   * The replacement takes the old key's name (saved requests and collections name a key by name
   * and environment, so they now mean the replacement, with no file rewritten) and its options;
   * the old key is renamed "<name> (rotated <date>)"; every open tab moves to the replacement.
   * One write of the keys list, then the tabs: both can run again after an interruption.
   */
  private async move(plan: RotationPlan): Promise<PlanStep> {
    const { records } = this.deps;
    const stored = records.read();
    const old = stored.find((r) => r.id === plan.oldKeyId);
    const replacement = stored.find((r) => r.id === plan.newKeyId);
    if (!replacement) throw new AppFailure('not_found', 'The replacement is no longer stored here, so the references cannot move to it. Rotate again.');
    const rotatedName = withSuffix(plan.name, ` (rotated ${this.nowIso().slice(0, 10)})`);
    const renamed = stored.map((r): KeyRecord => {
      if (r.id === plan.newKeyId) return { ...r, name: plan.name, ...(old?.readOnly ? { readOnly: true } : {}), ...(old?.rotationReminderDays ? { rotationReminderDays: old.rotationReminderDays } : {}) };
      if (r.id === plan.oldKeyId) return { ...r, replacedBy: plan.newKeyId, ...(r.name === plan.name ? { name: rotatedName } : {}) };
      return r;
    });
    // The replacement takes the old key's place in the list (the first usable key is the default pick), the old one goes after it.
    const atOld = renamed.findIndex((r) => r.id === plan.oldKeyId);
    const atNew = renamed.findIndex((r) => r.id === plan.newKeyId);
    if (atOld >= 0 && atNew > atOld) renamed.splice(atOld, 0, ...renamed.splice(atNew, 1));
    records.write(
      renamed,
      (message) => `The references could not move to the new key: the keys list could not be written (${message}).`,
    );
    records.changed();
    this.deps.references.move(plan.oldKeyId, plan.newKeyId);
    const revokeAt = plan.mode === 'automatic' && plan.overlapHours > 0 ? new Date(this.deps.clock.now() + plan.overlapHours * 3_600_000).toISOString() : null;
    this.deps.plans.put({ ...plan, revokeAt });
    return 'revoke';
  }

  private async revoke(plan: RotationPlan): Promise<PlanStep | 'wait' | 'ended'> {
    const old = this.record(plan.oldKeyId);
    // Guided: only the dashboard can revoke it; the user says when (confirm).
    if (plan.mode === 'guided') return old ? 'wait' : this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The old key was deleted from this computer: revoke it where it was issued, if you have not.`);
    if (plan.revokeAt !== null && Date.parse(plan.revokeAt) > this.deps.clock.now()) return 'wait';
    if (!old) {
      // Deleted here during the overlap: still revoked on the sandbox, by the id kept in the plan.
      if (!plan.oldServerKeyId) return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The old key was deleted from this computer before it was revoked, and the sandbox's id for it is not known: revoke it from another console that holds it.`);
      await this.deps.admin.revokeIfKnown(plan.oldServerKeyId, SANDBOX_WORKSPACE);
      return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The old key was deleted from this computer before it was revoked; it is revoked on the sandbox now (not checked: its secret left with it).`);
    }
    try {
      await this.deps.keys.revoke(plan.oldKeyId);
    } catch (error) {
      // The sandbox does not know it (it was reset): no key of that id works there; nothing is left to revoke or check.
      if (!(error instanceof AppFailure && error.code === 'not_found') && !/HTTP 404/.test(String((error as Error).message))) throw error;
      this.deps.records.update(plan.oldKeyId, { status: 'invalid', statusReason: null, lastCheckedAt: this.deps.records.nowIso() });
      return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The sandbox no longer knows the old key (it was reset), so it works nowhere: marked Invalid.`);
    }
    return 'verify';
  }

  /** One call with the old key: the rotation is done only when the server refuses it. */
  private async verify(plan: RotationPlan): Promise<'ended'> {
    const old = this.record(plan.oldKeyId);
    if (!old) return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The old key was deleted from this computer before its refusal could be checked.`);
    const secret = await this.deps.secrets.get(old.id).catch((error: unknown) => {
      throw new AppFailure('keychain_unavailable', `The keychain did not give the old key to check it is refused (${error instanceof Error ? error.message : String(error)}).`);
    });
    if (secret === null) return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”. The keychain no longer holds the old key, so its refusal was not checked.`);
    const origin = await resolveKeyOrigin(old, this.deps.sandbox);
    const v = await verifyKey(this.deps.transport, origin, secret);
    const refused = v.status === 'revoked' || (plan.mode === 'guided' && v.status === 'invalid');
    if (!refused) {
      if (v.status === 'active') {
        throw new AppFailure(
          'key_still_active',
          plan.mode === 'guided'
            ? `The old key still works. Revoke it ${old.environment === 'production' ? 'in the Helplane dashboard (Settings > API)' : 'on its server'}, then choose Check old key is refused again.`
            : 'The sandbox still accepts the old key after revoking it. Retry to revoke it again.',
        );
      }
      throw new AppFailure('key_check_failed', `Could not check that the old key is refused: ${v.reason ?? `the server says it is ${v.status.replace('_', ' ')}`}`);
    }
    const { records } = this.deps;
    records.update(old.id, { status: 'revoked', statusReason: null, lastCheckedAt: records.nowIso() });
    const said = v.status === 'revoked' ? '401 revoked_api_key' : '401 invalid_api_key';
    return this.end(plan, 'done', `Rotated: every reference names the new “${plan.name}”, and the old key gets ${said}.`);
  }

  /**
   * Undo a rotation whose references had not moved: the replacement leaves this computer and, on
   * the sandbox, is revoked (found by name and time when the console quit before it learned the
   * sandbox's id). Anything that picked the replacement meanwhile goes back to the old key.
   */
  private async rollback(plan: RotationPlan): Promise<'ended'> {
    const { records, secrets } = this.deps;
    // Anything that picked the replacement goes back to the old key (if it is still here; deleting it was refused meanwhile).
    if (records.read().some((r) => r.id === plan.oldKeyId)) this.deps.references.move(plan.newKeyId, plan.oldKeyId);
    if (records.read().some((r) => r.id === plan.newKeyId)) await this.deps.keys.delete(plan.newKeyId);
    else await secrets.delete(plan.newKeyId).catch(() => false);
    if (plan.mode === 'automatic') {
      // Unknown to the sandbox (reset meanwhile) is gone too.
      if (plan.newServerKeyId) await this.deps.admin.revokeIfKnown(plan.newServerKeyId, SANDBOX_WORKSPACE);
      else await this.revokeOrphans(plan);
    }
    const why = plan.problem ? `${plan.problem} ` : '';
    return this.end(plan, 'rolled_back', `${why}“${plan.name}” is unchanged and every reference still names it.`);
  }

  /** Sandbox keys of the plan's name made since it started that no key here holds: the replacement the console never stored. */
  private async revokeOrphans(plan: RotationPlan): Promise<void> {
    const held = new Set(this.deps.records.read().flatMap((r) => [r.serverKeyId ?? '', r.prefix]));
    const since = Date.parse(plan.startedAt) - 5_000;
    const server = await this.deps.admin.list(SANDBOX_WORKSPACE);
    for (const k of server) {
      if (k.status === 'active' && k.name === plan.name && Date.parse(k.created_at) >= since && !held.has(k.id) && !held.has(k.prefix)) {
        await this.deps.admin.revokeIfKnown(k.id, SANDBOX_WORKSPACE);
      }
    }
  }

  private end(plan: RotationPlan, state: 'done' | 'rolled_back', message: string): 'ended' {
    const view = rotationView(plan, { now: this.deps.clock.now(), busy: false, record: this.record(plan.oldKeyId), ended: { state, message } });
    this.deps.plans.remove(plan.id);
    this.ended.push(view);
    if (this.ended.length > KEEP_ENDED) this.ended.shift();
    return 'ended';
  }

  // ─── Helpers ───

  private rotatable(id: string): KeyRecord {
    if (id === ENV_KEY_ID) throw new AppFailure('invalid_argument', 'The key from HELPLANE_API_KEY comes from the environment: rotate it where it is set.');
    const record = this.deps.keys.find(id);
    if (this.deps.plans.holding(id) || this.starting.has(id)) throw new AppFailure('invalid_argument', `“${record.name}” is already in a rotation: finish that one first.`);
    if (record.environmentUnknown) throw new AppFailure('key_environment_unknown', 'This recovered key has no known environment: choose Edit and set it before rotating.');
    if (record.status === 'revoked') throw new AppFailure('invalid_argument', 'This key is already revoked: there is nothing to rotate. Create or add a new key.');
    if (record.status === 'missing_secret') throw new AppFailure('secret_missing', 'The keychain no longer holds this key, so it cannot be rotated. Add it again or delete it.');
    if (record.status === 'invalid') throw new AppFailure('invalid_argument', 'The server does not know this key (Invalid): there is nothing to rotate. Create or add a new key.');
    return record;
  }

  /** The plan, if no step of it is running (a user's move must not change a plan under a running step). */
  private idle(id: string): RotationPlan {
    if (this.busy.has(id)) throw new AppFailure('invalid_argument', 'This rotation is already at work.');
    return this.plan(id);
  }

  private plan(id: string): RotationPlan {
    const plan = this.deps.plans.get(id);
    if (!plan) throw new AppFailure('not_found', 'That rotation is over (or was never started).');
    return plan;
  }

  private record(id: string): KeyRecord | null {
    return this.deps.records.read().find((r) => r.id === id) ?? null;
  }

  /** `busy`: at work (default: as it is now); false for the view a walk returns as it stops. */
  private view(id: string, busy = this.busy.has(id)): RotationView {
    const plan = this.plan(id);
    return rotationView(plan, { now: this.deps.clock.now(), busy, record: this.record(plan.oldKeyId) });
  }

  private nowIso(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  private changed(): void {
    this.deps.events.emit('rotationsChanged', { rotations: this.list() });
  }

  /** A timer for the earliest overlap to end (at most RECHECK_MS away). */
  private schedule(): void {
    this.timer?.cancel();
    this.timer = null;
    const { setTimer } = this.deps;
    if (!setTimer || this.disposed) return;
    const due = this.deps.plans.list().filter((p) => p.mode === 'automatic' && p.step === 'revoke' && p.revokeAt !== null && !p.problem).map((p) => Date.parse(p.revokeAt!));
    if (due.length === 0) return;
    const wait = Math.max(0, Math.min(Math.min(...due) - this.deps.clock.now(), RECHECK_MS));
    this.timer = setTimer(() => void this.runDue(), wait);
  }
}

/** The replacement's name until the references move to it. */
export function replacementName(name: string): string {
  return withSuffix(name, ' (replacement)');
}

/** A key's name is at most 200 characters (the contract's limit): the name gives way to the suffix. */
function withSuffix(name: string, suffix: string): string {
  return `${name.slice(0, 200 - suffix.length)}${suffix}`;
}
