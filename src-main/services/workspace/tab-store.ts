import { randomBytes } from 'node:crypto';
import { AppFailure } from '../../lib/errors';
import { keepAside } from '../../lib/keep-aside';
import type { JsonDocument } from '../../ports';
import {
  EMPTY_DRAFT,
  MAX_TABS,
  TabDraftInputSchema,
  TabDraftSchema,
  WORKSPACE_FILE_VERSION,
  WorkspaceFileSchema,
  type TabDraft,
  type TabDraftInput,
  type WorkspaceState,
} from './draft-schema';
import { scrubDraft } from './draft-secrets';

export interface TabChange {
  tab: TabDraft;
  /** What was taken out of the draft before it was kept (a key), in words; empty as a rule. */
  warnings: string[];
}

/** How long a draft naming a replaced key is taken to mean its replacement (a window that had not heard yet). */
export const REPLACED_KEY_MS = 10_000;

const newTabId = () => `tab_${randomBytes(8).toString('hex')}`;

/**
 * The open tabs and their drafts, kept by main so they come back after a restart. The document is
 * the coalesced one (a burst of keystrokes is one write; dispose flushes). Every draft is
 * validated and scrubbed of keys before it is kept: the caller passes the secrets of the stored
 * keys with each change, and this store keeps none of them.
 */
export class TabStore {
  private tabs: TabDraft[];
  private activeTabId: string | null;
  private collection: string | null = null;
  /**
   * Keys a rotation replaced a moment ago: a draft that still names the old one (sent before the
   * window heard) gets the new one. Only for REPLACED_KEY_MS: after that, a tab that names the old
   * key (still usable during an overlap) was set so by the user.
   */
  private readonly replacedKeys = new Map<string, { to: string; at: number }>();
  private readonly document = { toJSON: () => ({ version: WORKSPACE_FILE_VERSION, tabs: this.tabs, activeTabId: this.activeTabId, ...(this.collection !== null ? { collection: this.collection } : {}) }) };

  constructor(
    private readonly store: JsonDocument,
    private readonly now: () => number = Date.now,
  ) {
    const raw = store.read();
    const file = WorkspaceFileSchema.safeParse(raw);
    // Tab by tab: one bad tab (a field cut, a method this version does not know) must not cost the others.
    const valid = file.success ? file.data.tabs.flatMap((t) => validTab(t)) : [];
    const unique = valid.filter((t, i) => valid.findIndex((o) => o.id === t.id) === i).slice(0, MAX_TABS);
    // A file edited by hand (or by an older console) may hold a key-shaped string: it never comes back.
    this.tabs = unique.map((t) => {
      const { id, unsaved, updatedAt, ...input } = t;
      const { draft, warnings } = scrubDraft(input, []);
      return warnings.length === 0 ? t : { ...draft, id, unsaved, updatedAt };
    });
    const active = file.success ? file.data.activeTabId : null;
    this.collection = file.success ? (file.data.collection ?? null) : null;
    this.activeTabId = active !== null && unique.some((t) => t.id === active) ? active : (unique[0]?.id ?? null);
    // A file that parsed but held what was dropped is kept beside, as it was (a file that did not parse already is).
    if (raw !== undefined && (!file.success || unique.length < file.data.tabs.length)) keepAside(store, this.document);
  }

  state(): WorkspaceState {
    return { tabs: [...this.tabs], activeTabId: this.activeTabId, ...(this.collection !== null ? { collection: this.collection } : {}) };
  }

  get(tabId: string): TabDraft {
    const tab = this.tabs.find((t) => t.id === tabId);
    if (!tab) throw new AppFailure('not_found', 'That tab is no longer open.');
    return tab;
  }

  /** A new tab after the active one (or at the end), made active. */
  open(draft: Partial<TabDraftInput>, secrets: readonly string[]): TabChange {
    if (this.tabs.length >= MAX_TABS) {
      throw new AppFailure('request_rejected', `At most ${MAX_TABS} tabs can be open; close one first.`);
    }
    const { draft: kept, warnings } = this.checked({ ...EMPTY_DRAFT, ...draft }, secrets);
    const tab: TabDraft = { ...kept, id: newTabId(), unsaved: kept.collectionLink === null, updatedAt: this.now() };
    const at = this.activeTabId === null ? this.tabs.length : this.tabs.findIndex((t) => t.id === this.activeTabId) + 1;
    this.tabs.splice(at, 0, tab);
    this.activeTabId = tab.id;
    this.save();
    return { tab, warnings };
  }

  /** The user's edits: the draft is replaced by what they typed, and the tab is marked unsaved. */
  update(tabId: string, patch: Partial<TabDraftInput>, secrets: readonly string[]): TabChange {
    const current = this.get(tabId);
    const { id: _id, unsaved: _unsaved, updatedAt: _updatedAt, ...input } = current;
    const { draft, warnings } = this.checked({ ...input, ...patch }, secrets);
    const tab: TabDraft = { ...draft, id: tabId, unsaved: true, updatedAt: this.now() };
    this.replace(tab);
    return { tab, warnings };
  }

  /** The tab's request was saved to (or reloaded from) its request file: no longer unsaved. */
  markSaved(tabId: string, collectionLink: TabDraft['collectionLink']): TabDraft {
    const tab: TabDraft = { ...this.get(tabId), collectionLink, unsaved: false, updatedAt: this.now() };
    this.replace(tab);
    return tab;
  }

  /**
   * The whole strip as the window has it (workspace:save): each tab checked and scrubbed like an
   * edit; a tab whose draft did not change keeps its time. Returns what is kept and the warnings.
   */
  replaceAll(
    next: { tabs: Array<TabDraftInput & { id: string; unsaved: boolean }>; activeTabId: string | null; collection?: string | null | undefined },
    secrets: readonly string[],
  ): WorkspaceState & { warnings: string[] } {
    if (next.tabs.length > MAX_TABS) throw new AppFailure('request_rejected', `At most ${MAX_TABS} tabs can be open; close one first.`);
    const warnings: string[] = [];
    const seen = new Set<string>();
    const tabs: TabDraft[] = [];
    for (const { id, unsaved, ...input } of next.tabs) {
      if (seen.has(id)) throw new AppFailure('invalid_argument', 'Two tabs have the same id.');
      seen.add(id);
      const { draft, warnings: found } = this.checked(input, secrets);
      warnings.push(...found);
      const before = this.tabs.find((t) => t.id === id);
      const same = before !== undefined && before.unsaved === unsaved && JSON.stringify({ ...before, id: 0, unsaved: 0, updatedAt: 0 }) === JSON.stringify({ ...draft, id: 0, unsaved: 0, updatedAt: 0 });
      tabs.push(same ? before : { ...draft, id, unsaved, updatedAt: this.now() });
    }
    this.tabs = tabs;
    this.activeTabId = next.activeTabId !== null && seen.has(next.activeTabId) ? next.activeTabId : (tabs[0]?.id ?? null);
    // Absent: the window did not say (an older window); the open collection is kept as it was.
    if (next.collection !== undefined) this.collection = next.collection;
    this.save();
    return { ...this.state(), warnings };
  }

  /** Close a tab; the next one (or the previous, for the last) becomes active when it was. */
  close(tabId: string): WorkspaceState {
    const at = this.tabs.findIndex((t) => t.id === tabId);
    if (at < 0) return this.state();
    this.tabs.splice(at, 1);
    if (this.activeTabId === tabId) this.activeTabId = (this.tabs[at] ?? this.tabs[at - 1])?.id ?? null;
    this.save();
    return this.state();
  }

  activate(tabId: string): WorkspaceState {
    this.get(tabId);
    this.activeTabId = tabId;
    this.save();
    return this.state();
  }

  /** Move a tab to `index` in the strip (clamped). */
  move(tabId: string, index: number): WorkspaceState {
    const tab = this.get(tabId);
    this.tabs = this.tabs.filter((t) => t.id !== tabId);
    this.tabs.splice(Math.max(0, Math.min(Math.trunc(index), this.tabs.length)), 0, tab);
    this.save();
    return this.state();
  }

  /**
   * A rotation moved every reference from key `from` to key `to`: each tab with `from` now has
   * `to`, and so will any draft that arrives with `from` later. Returns how many tabs changed.
   */
  replaceKey(from: string, to: string): number {
    if (from === to) return 0;
    this.replacedKeys.set(from, { to, at: this.now() });
    let moved = 0;
    this.tabs = this.tabs.map((t) => {
      if (t.keyId !== from) return t;
      moved++;
      return { ...t, keyId: to };
    });
    if (moved > 0) this.save();
    return moved;
  }

  /** The key a draft's key now is, after the rotations of this run (a chain is followed; a cycle stops). */
  private currentKey(keyId: string | null): string | null {
    const seen = new Set<string>();
    const since = this.now() - REPLACED_KEY_MS;
    let id = keyId;
    for (let next = id === null ? undefined : this.replacedKeys.get(id); id !== null && next && next.at >= since && !seen.has(id); next = this.replacedKeys.get(id)) {
      seen.add(id);
      id = next.to;
    }
    return id;
  }

  private checked(draft: TabDraftInput, secrets: readonly string[]): { draft: TabDraftInput; warnings: string[] } {
    const parsed = TabDraftInputSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppFailure('invalid_argument', `The tab's ${issue?.path.join('.') || 'draft'} is not valid: ${issue?.message ?? 'unknown problem'}.`);
    }
    const keyId = this.currentKey(parsed.data.keyId);
    return scrubDraft(keyId === parsed.data.keyId ? parsed.data : { ...parsed.data, keyId }, secrets);
  }

  private replace(tab: TabDraft): void {
    this.tabs = this.tabs.map((t) => (t.id === tab.id ? tab : t));
    this.save();
  }

  private save(): void {
    this.store.write(this.document);
  }
}

function validTab(value: unknown): TabDraft[] {
  const parsed = TabDraftSchema.safeParse(value);
  return parsed.success ? [parsed.data] : [];
}
