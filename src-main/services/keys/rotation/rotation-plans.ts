import { z } from 'zod';
import type { JsonDocument } from '../../../ports';
import { keepAside } from '../../../lib/keep-aside';

/**
 * The rotations under way, in `rotation.json` (no secret: ids, names, times, the step reached).
 * Written before each step starts and after it ends, so a console that quits in the middle of
 * one finds on the next start which step it was at, and resumes or rolls back from there.
 */

export const PLAN_STEPS = ['create', 'test', 'move', 'revoke', 'verify', 'rollback'] as const;
export type PlanStep = (typeof PLAN_STEPS)[number];

export const RotationPlanSchema = z.object({
  id: z.string().regex(/^rot_[a-f0-9]{16}$/),
  mode: z.enum(['automatic', 'guided']),
  oldKeyId: z.string().min(1),
  /** The old key's name when the rotation began: the replacement takes it when the references move. */
  name: z.string().min(1),
  /** Chosen before the replacement exists, so a rollback knows what to remove. */
  newKeyId: z.string().min(1),
  /** The sandbox's id of the old key (automatic): it is revoked there even if the key left this computer meanwhile. */
  oldServerKeyId: z.string().nullable().optional(),
  /** The sandbox's id of the replacement, once the sandbox made it. */
  newServerKeyId: z.string().nullable(),
  startedAt: z.string(),
  overlapHours: z.number().int().min(0),
  /** Set when the references moved: the old key is revoked then (automatic), or null (at once; guided: by the user). */
  revokeAt: z.string().nullable(),
  /** The step under way or next: every step before it is done. `rollback`: being undone. */
  step: z.enum(PLAN_STEPS),
  /** Why the rotation stopped (a failed step, kept for Retry), or what an interruption did. */
  problem: z.string().nullable(),
  /** Set on a plan found on start: it was interrupted (the console quit) at `step`. */
  interrupted: z.boolean().optional(),
});
export type RotationPlan = z.infer<typeof RotationPlanSchema>;

const FileSchema = z.object({ version: z.literal(1), rotations: z.array(z.unknown()) });

export class RotationPlans {
  private plans: RotationPlan[];

  constructor(private readonly document: JsonDocument) {
    const raw = document.read();
    const file = FileSchema.safeParse(raw);
    const valid = file.success ? file.data.rotations.flatMap((p) => {
      const parsed = RotationPlanSchema.safeParse(p);
      return parsed.success ? [parsed.data] : [];
    }) : [];
    // A damaged file is kept beside as it was: the keys it named are untouched, and the user can read it.
    if (raw !== undefined && (!file.success || valid.length < file.data.rotations.length)) keepAside(document, { toJSON: () => this.file() });
    this.plans = valid;
  }

  list(): RotationPlan[] {
    return [...this.plans];
  }

  get(id: string): RotationPlan | undefined {
    return this.plans.find((p) => p.id === id);
  }

  /** The plan that holds key `keyId`, as the old key or the replacement. */
  holding(keyId: string): RotationPlan | undefined {
    return this.plans.find((p) => p.oldKeyId === keyId || p.newKeyId === keyId);
  }

  /** Add or replace a plan, written at once (a failed write throws: the step does not start). */
  put(plan: RotationPlan): RotationPlan {
    const next = this.plans.some((p) => p.id === plan.id) ? this.plans.map((p) => (p.id === plan.id ? plan : p)) : [...this.plans, plan];
    this.document.write({ version: 1, rotations: next });
    this.plans = next;
    return plan;
  }

  remove(id: string): void {
    const next = this.plans.filter((p) => p.id !== id);
    this.document.write({ version: 1, rotations: next });
    this.plans = next;
  }

  private file() {
    return { version: 1, rotations: this.plans };
  }
}
