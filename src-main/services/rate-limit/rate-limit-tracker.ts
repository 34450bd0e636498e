import type { RateLimitSnapshot, RateLimitState } from '../../../src-preload/contract';
import { budgetIdOf, budgetWaitMs } from './budget';

/** How far back the per-second request counts go (the panel's chart). */
const WINDOW_MS = 60_000;

/**
 * What the console knows of each rate-limit budget (budget.ts says what one is: a server's
 * workspace, or a key when the server names none). Fed by every reply of the request engine.
 */
export class RateLimitTracker {
  private readonly budgets = new Map<string, RateLimitState>();
  /** Which budget a key last reported, and for which server. */
  private readonly budgetOfKey = new Map<string, { origin: string; budgetId: string }>();
  private readonly listeners = new Set<(state: RateLimitState) => void>();

  constructor(private readonly now: () => number) {}

  /**
   * The budget a reply from `origin` spends from: its workspace's when it names one; else the one
   * the key last spent from on that server (a failed send, a reply without the header), else the
   * key's own. Paced jobs ask this too, so they and the panel count the same budget.
   */
  budgetOf(keyId: string, origin: string, workspaceId: string | null): string {
    if (workspaceId) return budgetIdOf(origin, workspaceId, keyId);
    const known = this.budgetOfKey.get(keyId);
    return known?.origin === origin ? known.budgetId : budgetIdOf(origin, null, keyId);
  }

  /** Record one reply from `origin` (or a failed send, with `snapshot` null). */
  record(keyId: string, origin: string, status: number | null, snapshot: RateLimitSnapshot | null): RateLimitState {
    const at = this.now();
    const budgetId = this.budgetOf(keyId, origin, snapshot?.workspaceId ?? null);
    const known = this.budgetOfKey.get(keyId);
    if (known?.budgetId !== budgetId) {
      this.budgetOfKey.set(keyId, { origin, budgetId });
      // The key spends from another budget now (another server, or workspace): it no longer shares the old one.
      if (known) this.leave(keyId, known.budgetId);
    }
    const prev = this.budgets.get(budgetId);
    const hasHeaders = snapshot !== null && (snapshot.limit !== null || snapshot.remaining !== null || snapshot.retryAfterSeconds !== null);
    // Per-second counts, so a budget costs the same at 1 request a minute or 2,000 a second.
    const recent = prune(prev?.recent ?? [], at);
    const second = Math.floor(at / 1000) * 1000;
    const last = recent[recent.length - 1];
    if (last && last.at === second) recent[recent.length - 1] = { at: second, count: last.count + 1 };
    else recent.push({ at: second, count: 1 });
    const state: RateLimitState = {
      budgetId,
      keyIds: prev?.keyIds.includes(keyId) ? prev.keyIds : [...(prev?.keyIds ?? []), keyId],
      snapshot: hasHeaders || !prev ? (snapshot ?? emptySnapshot()) : prev.snapshot,
      receivedAt: hasHeaders || !prev ? at : prev.receivedAt,
      recent,
      count429: (prev?.count429 ?? 0) + (status === 429 ? 1 : 0),
    };
    this.budgets.set(budgetId, state);
    for (const l of this.listeners) l(state);
    return state;
  }

  private leave(keyId: string, budgetId: string): void {
    const old = this.budgets.get(budgetId);
    if (!old?.keyIds.includes(keyId)) return;
    const state = { ...old, keyIds: old.keyIds.filter((k) => k !== keyId) };
    this.budgets.set(budgetId, state);
    for (const l of this.listeners) l(state);
  }

  state(budgetId: string): RateLimitState | undefined {
    const s = this.budgets.get(budgetId);
    if (!s) return undefined;
    return { ...s, recent: prune(s.recent, this.now()) };
  }

  list(): RateLimitState[] {
    return [...this.budgets.keys()].map((id) => this.state(id)).filter((s): s is RateLimitState => s !== undefined);
  }

  onChange(listener: (state: RateLimitState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Before a send: a sentence when the known budget says it would be refused, else null. */
  warning(keyId: string): string | null {
    const budgetId = this.budgetOfKey.get(keyId)?.budgetId;
    const s = budgetId !== undefined ? this.budgets.get(budgetId) : undefined;
    const wait = s ? budgetWaitMs({ snapshot: s.snapshot, receivedAt: s.receivedAt, spentAt: s.receivedAt }, this.now()) : 0;
    if (wait <= 0) return null;
    return `The known rate-limit budget is used up: this request would likely get 429 Too Many Requests. A token is expected in about ${Math.ceil(wait / 1000)} s.`;
  }
}

/** A copy of `recent` without the seconds that ended more than WINDOW_MS before `at`. */
function prune(recent: RateLimitState['recent'], at: number): RateLimitState['recent'] {
  let from = 0;
  while (from < recent.length && recent[from]!.at + 1000 <= at - WINDOW_MS) from++;
  return recent.slice(from);
}

function emptySnapshot(): RateLimitSnapshot {
  return { limit: null, remaining: null, burst: null, resetAt: null, retryAfterSeconds: null, workspaceId: null, windowSeconds: null, sources: [], policies: [] };
}
