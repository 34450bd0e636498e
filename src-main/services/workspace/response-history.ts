import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppFailure } from '../../lib/errors';
import { keepAside } from '../../lib/keep-aside';
import { mayHoldKey, redactSecret } from '../../helplane/key-format';
import type { JsonDocument } from '../../ports';
import { TabIdSchema } from './draft-schema';

/**
 * Each tab's last responses (for Compare), one file per tab in `workspace/responses/` of the data
 * folder, read when the tab first asks and removed with the tab. Bodies come scrubbed from the
 * engine; they are scrubbed once more here (the cut end too) and cut to RESPONSE_BODY_MAX, so a
 * tab costs at most RESPONSES_PER_TAB of those.
 */

export const RESPONSES_PER_TAB = 20;
/** Characters of a body kept per response: 20 tabs × 20 responses stay a bounded amount of memory. */
export const RESPONSE_BODY_MAX = 1024 * 1024;
const MAX_HEADERS = 200;
/** Longer than any secret the console keeps, so none straddles the first cut unscrubbed (as History). */
const SCRUB_MARGIN = 1024;

const PairSchema = z.strictObject({ name: z.string().max(256), value: z.string().max(16 * 1024) });

export const ResponseEntrySchema = z.strictObject({
  id: z.string().regex(/^rsp_[0-9a-f]{16}$/),
  time: z.number().int().nonnegative(),
  status: z.number().int().min(0).max(999),
  statusText: z.string().max(256),
  headers: z.array(PairSchema).max(MAX_HEADERS),
  body: z.string().max(RESPONSE_BODY_MAX),
  /** Cut here or by the engine: only the start is kept. */
  bodyTruncated: z.boolean(),
  sizeBytes: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  url: z.string().max(8192),
});
export type ResponseEntry = z.infer<typeof ResponseEntrySchema>;
export type ResponseSummary = Omit<ResponseEntry, 'body' | 'headers'>;

/** What the engine replied, as its ResponseView has it. */
export type NewResponse = Pick<ResponseEntry, 'status' | 'statusText' | 'headers' | 'body' | 'bodyTruncated' | 'sizeBytes' | 'durationMs' | 'url'>;

export interface ResponseHistoryDeps {
  /** The folder of the per-tab files. */
  folder: string;
  /** A JSON document at a path (the core passes a coalesced one, so a burst of sends is one write). */
  document: (path: string) => JsonDocument & { flush?(): void };
  now?: () => number;
}

function scrub(text: string, secrets: readonly string[], cut: boolean): string {
  let out = mayHoldKey(text, null) ? redactSecret(text, null, { cut }) : text;
  for (const secret of secrets) if (secret !== '' && mayHoldKey(out, secret)) out = redactSecret(out, secret, { cut });
  return out;
}

export class ResponseHistory {
  private readonly open = new Map<string, { doc: JsonDocument & { flush?(): void }; entries: ResponseEntry[] }>();

  constructor(private readonly deps: ResponseHistoryDeps) {}

  /** Keep a response of the tab (newest first), dropping the oldest past RESPONSES_PER_TAB. */
  add(tabId: string, response: NewResponse, secrets: readonly string[]): ResponseSummary {
    const tab = this.load(tabId);
    const long = response.body.length > RESPONSE_BODY_MAX;
    const body = long ? scrub(response.body.slice(0, RESPONSE_BODY_MAX + SCRUB_MARGIN), secrets, true).slice(0, RESPONSE_BODY_MAX) : scrub(response.body, secrets, false);
    const entry = ResponseEntrySchema.parse({
      id: `rsp_${randomBytes(8).toString('hex')}`,
      time: (this.deps.now ?? Date.now)(),
      status: response.status,
      statusText: scrub(response.statusText, secrets, false).slice(0, 256),
      headers: response.headers.slice(0, MAX_HEADERS).map((h) => ({ name: h.name.slice(0, 256), value: scrub(h.value, secrets, false).slice(0, 16 * 1024) })),
      body,
      bodyTruncated: response.bodyTruncated || long,
      sizeBytes: response.sizeBytes,
      durationMs: response.durationMs,
      url: scrub(response.url, secrets, false).slice(0, 8192),
    });
    tab.entries = [entry, ...tab.entries].slice(0, RESPONSES_PER_TAB);
    tab.doc.write(tab.entries);
    return summaryOf(entry);
  }

  /** The tab's responses, newest first, without bodies. */
  list(tabId: string): ResponseSummary[] {
    return this.load(tabId).entries.map(summaryOf);
  }

  get(tabId: string, responseId: string): ResponseEntry {
    const entry = this.load(tabId).entries.find((e) => e.id === responseId);
    if (!entry) throw new AppFailure('not_found', 'That response is no longer in the tab’s history (a tab keeps its last 20).');
    return entry;
  }

  /** The tab was closed: its responses go with it. */
  remove(tabId: string): void {
    // A pending coalesced write would put the file back after it was removed: write it first.
    this.open.get(tabId)?.doc.flush?.();
    this.open.delete(tabId);
    rmSync(this.pathOf(tabId), { force: true });
  }

  /** Files of tabs that are no longer open (closed while the console was not running) are removed. */
  prune(openTabIds: readonly string[]): void {
    let names: string[];
    try {
      names = readdirSync(this.deps.folder);
    } catch {
      return;
    }
    const keep = new Set(openTabIds.map((id) => `${id}.json`));
    for (const name of names) {
      if (/^tab_[0-9a-f]{16}\.json$/.test(name) && !keep.has(name)) rmSync(join(this.deps.folder, name), { force: true });
    }
  }

  flush(): void {
    for (const tab of this.open.values()) tab.doc.flush?.();
  }

  private pathOf(tabId: string): string {
    // The id names a file: only the shape tab ids have.
    if (!TabIdSchema.safeParse(tabId).success) throw new AppFailure('invalid_argument', 'That is not a tab id.');
    return join(this.deps.folder, `${tabId}.json`);
  }

  private load(tabId: string) {
    let tab = this.open.get(tabId);
    if (tab) return tab;
    const doc = this.deps.document(this.pathOf(tabId));
    const raw = doc.read();
    const valid = Array.isArray(raw) ? raw.flatMap((e) => { const p = ResponseEntrySchema.safeParse(e); return p.success ? [p.data] : []; }) : [];
    tab = { doc, entries: valid.slice(0, RESPONSES_PER_TAB) };
    this.open.set(tabId, tab);
    if (raw !== undefined && (!Array.isArray(raw) || valid.length < raw.length)) keepAside(doc, tab.entries);
    return tab;
  }
}

function summaryOf(entry: ResponseEntry): ResponseSummary {
  const { body: _body, headers: _headers, ...summary } = entry;
  return summary;
}
