import { join } from 'node:path';
import type { JsonDocument } from '../../ports';
import type { TabDraftInput, WorkspaceState } from './draft-schema';
import { ResponseHistory, type NewResponse } from './response-history';
import { TabStore } from './tab-store';

/**
 * The request workspace main keeps: the tabs (`workspace/tabs.json`) and each tab's responses
 * (`workspace/responses/<tab id>.json`). Closing a tab removes its responses; responses of tabs
 * closed while the console was not running are removed at start.
 */
export class WorkspaceService {
  readonly tabs: TabStore;
  readonly responses: ResponseHistory;
  private readonly flushTabs: () => void;
  private readonly commitTabs: () => void;

  constructor(deps: { dataDir: string; document: (path: string) => JsonDocument & { flush?(): void; commit?(): void }; now?: () => number }) {
    const folder = join(deps.dataDir, 'workspace');
    const tabsFile = deps.document(join(folder, 'tabs.json'));
    this.flushTabs = () => tabsFile.flush?.();
    this.commitTabs = () => (tabsFile.commit ? tabsFile.commit() : tabsFile.flush?.());
    this.tabs = new TabStore(tabsFile, deps.now);
    this.responses = new ResponseHistory({ folder: join(folder, 'responses'), document: deps.document, ...(deps.now ? { now: deps.now } : {}) });
    this.responses.prune(this.tabs.state().tabs.map((t) => t.id));
  }

  open(draft: Partial<TabDraftInput>, secrets: readonly string[]) {
    return this.tabs.open(draft, secrets);
  }

  close(tabId: string): WorkspaceState {
    const state = this.tabs.close(tabId);
    this.responses.remove(tabId);
    return state;
  }

  /** workspace:save — the strip as the window has it; responses of tabs no longer in it go. */
  save(next: Parameters<TabStore['replaceAll']>[0], secrets: readonly string[]) {
    const before = this.tabs.state().tabs.map((t) => t.id);
    const state = this.tabs.replaceAll(next, secrets);
    for (const id of before) if (!state.tabs.some((t) => t.id === id)) this.responses.remove(id);
    return state;
  }

  addResponse(tabId: string, response: NewResponse, secrets: readonly string[]) {
    this.tabs.get(tabId);
    return this.responses.add(tabId, response, secrets);
  }

  /**
   * A rotation moved every tab from key `from` to key `to`: on disk before this returns (a failed
   * write throws, so the rotation does not go on as if it had moved them). How many tabs moved.
   */
  replaceKey(from: string, to: string): number {
    const moved = this.tabs.replaceKey(from, to);
    this.commitTabs();
    return moved;
  }

  /** On quit: the latest tabs and responses are written now. */
  flush(): void {
    this.flushTabs();
    this.responses.flush();
  }
}
