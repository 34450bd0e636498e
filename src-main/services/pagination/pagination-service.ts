import { randomBytes } from 'node:crypto';
import type { MergedList, NextPageInput, PagesExportInput, PagesProgress, ResponseView, SavedBody } from '../../../src-preload/contract';
import type { EventSink, ExportTargets } from '../../ports';
import { AtomicFile } from '../../lib/atomic-file';
import { AppFailure } from '../../lib/errors';
import { throttle, type Throttle } from '../../lib/event-throttle';
import { csvColumnsOf, csvRecordRow, jsonRow } from '../inspector/export-format';
import type { RequestService } from '../requests/request-service';
import { CURSOR_PARAM, type ListRequest, type PageWalker, type WalkResult } from './page-walker';

/** Fetch all pages keeps at most this many items (the walker's own cap is higher): main's memory stays bounded. */
export const MERGED_ITEMS_CAP = 20_000;
/** The merged list sent to the window is cut to this (the tree view's limit); Export writes every item. */
export const MERGED_BODY_BYTES = 2 * 1024 * 1024;
/** Progress events at most this often per walk (the first at once, the last with the latest counts). */
export const PAGES_EVENT_MS = 150;
/** Finished walks kept for Export: the latest few. */
const KEPT_WALKS = 4;

interface Walk {
  id: string;
  controller: AbortController;
  progress: PagesProgress;
  events: Throttle;
  result: WalkResult | null;
}

export interface PaginationServiceDeps {
  requests: Pick<RequestService, 'send'>;
  walker: PageWalker;
  events: EventSink;
  targets: ExportTargets;
  now: () => number;
}

/** Next page and Fetch all pages for the response area: walks with ids, throttled progress, the merged list, its export. */
export class PaginationService {
  private readonly walks = new Map<string, Walk>();

  constructor(private readonly deps: PaginationServiceDeps) {}

  /** A normal Send of the next page (the tab's key, path and query; the cursor replaced): shown and kept in History as any reply. */
  nextPage(input: NextPageInput): Promise<ResponseView> {
    const query = (input.query ?? []).filter((q) => q.name.trim() !== CURSOR_PARAM);
    return this.deps.requests.send({ keyId: input.keyId, method: 'GET', path: input.path, query: [...query, { name: CURSOR_PARAM, value: input.cursor }] });
  }

  /** Start walking every page from the first; progress and the end come as `pagesProgress` events. */
  fetchAll(request: ListRequest): { walkId: string } {
    const id = `walk_${randomBytes(8).toString('hex')}`;
    const walk: Walk = {
      id,
      controller: new AbortController(),
      progress: { walkId: id, state: 'running', pages: 0, items: 0, requests: 0, rateLimited: 0, message: null, merged: null },
      events: throttle(() => this.deps.events.emit('pagesProgress', walk.progress), PAGES_EVENT_MS),
      result: null,
    };
    this.walks.set(id, walk);
    this.forgetOld();
    void this.run(walk, request);
    return { walkId: id };
  }

  cancel(walkId: string): boolean {
    const walk = this.walks.get(walkId);
    if (!walk || walk.result || walk.controller.signal.aborted || walk.progress.state === 'failed') return false;
    walk.controller.abort(new AppFailure('cancelled', 'Fetch all pages cancelled.'));
    return true;
  }

  /** The merged list of a finished walk, as JSON (one array) or CSV (every top-level field), through the export targets. */
  async export(input: PagesExportInput): Promise<SavedBody> {
    const result = this.walks.get(input.walkId)?.result;
    if (!result) throw new AppFailure('not_found', 'That merged list is no longer kept: fetch the pages again.');
    const stamp = new Date(this.deps.now()).toISOString().slice(0, 19).replace(/[:T]/g, '-');
    const fileName = `helplane-pages-${stamp}.${input.format}`;
    const target = await this.deps.targets.choose(`exp_${randomBytes(8).toString('hex')}`, fileName);
    if (!target) throw new AppFailure('cancelled', 'Export cancelled: no file was chosen.');
    const items = result.list.data;
    const file = await AtomicFile.create(target.path);
    let bytes = 0;
    const write = async (text: string) => {
      bytes += Buffer.byteLength(text);
      await file.write(text);
    };
    try {
      if (input.format === 'csv') {
        const columns = csvColumnsOf(items);
        await write(`${columns.join(',')}\r\n`);
        for (const item of items) await write(csvRecordRow(columns, item));
      } else {
        await write('[\n');
        let chunk = '';
        items.forEach((item, i) => (chunk += jsonRow(item, i === 0)));
        await write(chunk);
        await write(items.length === 0 ? ']\n' : '\n]\n');
      }
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    return { fileName, path: target.path, bytes, status: 200, downloadUrl: target.downloadUrl };
  }

  private async run(walk: Walk, request: ListRequest): Promise<void> {
    try {
      const result = await this.deps.walker.fetchAll(request, {
        signal: walk.controller.signal,
        maxItems: MERGED_ITEMS_CAP,
        onProgress: (p) => {
          walk.progress = { ...walk.progress, ...p };
          walk.events.poke();
        },
      });
      walk.result = result;
      walk.progress = {
        ...walk.progress,
        state: result.stop.reason === 'cancelled' ? 'cancelled' : 'done',
        pages: result.pages,
        items: result.list.data.length,
        requests: result.requests,
        rateLimited: result.rateLimited,
        message: result.stop.reason === 'complete' ? null : result.stop.message,
        merged: mergedView(result),
      };
    } catch (error) {
      walk.progress = {
        ...walk.progress,
        state: 'failed',
        message: `Fetch all pages failed: ${error instanceof AppFailure ? error.message : 'an unexpected error'}.`,
      };
    }
    // The end is sent at once, and no throttled progress may follow it.
    walk.events.cancel();
    this.deps.events.emit('pagesProgress', walk.progress);
  }

  private forgetOld(): void {
    const finished = [...this.walks.values()].filter((w) => w.result || w.progress.state === 'failed');
    for (const w of finished.slice(0, Math.max(0, finished.length - KEPT_WALKS))) this.walks.delete(w.id);
  }
}

/** The merged list as the window shows it: pretty JSON cut to MERGED_BODY_BYTES, saying so. */
function mergedView(result: WalkResult): MergedList {
  const all = result.list.data;
  let shown = all.length;
  let body = JSON.stringify({ ...result.list }, null, 2);
  if (Buffer.byteLength(body) > MERGED_BODY_BYTES) {
    // Cut by the average item size, then trim until it fits: a few stringifies, not one per item.
    shown = Math.floor((all.length * MERGED_BODY_BYTES) / Buffer.byteLength(body));
    do {
      body = JSON.stringify({ ...result.list, data: all.slice(0, shown) }, null, 2);
      if (Buffer.byteLength(body) <= MERGED_BODY_BYTES) break;
      shown = Math.floor(shown * 0.9);
    } while (shown > 0);
  }
  const stopped = result.stop.reason === 'complete' ? null : result.stop.message;
  return { body, items: all.length, shownItems: shown, pages: result.pages, stopped, duplicatesDropped: result.duplicatesDropped };
}
