import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { HistoryEntrySchema, type HistoryEntry } from '../../src-preload/contract';
import { redactKeys } from '../helplane/key-format';
import type { JsonDocument } from './settings-service';

export const HISTORY_MAX_ENTRIES = 500;
export const HISTORY_MAX_BODY = 4096;
const PREVIEW_CHARS = 1024;
/** Longer than any secret the console keeps (API keys are 8 to 512 characters). */
const SCRUB_MARGIN = 1024;

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'bodyTruncated' | 'responsePreview'> & { responseBody: string | null };

/**
 * A copy of `text` that shares no memory with the string it was cut from: V8 keeps the whole
 * parent of a slice alive, so a 4 KB cut of a 1 MB body kept in History would keep the 1 MB.
 * (A JSON round trip is exact for any string, lone surrogates included.)
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function truncate(text: string, max: number): { text: string; truncated: boolean } {
  return text.length > max ? { text: detached(text.slice(0, max)), truncated: true } : { text, truncated: false };
}

/** What History keeps of an exchange: bodies cut, key-shaped strings and the key itself removed. */
function scrubbed(entry: NewHistoryEntry, secret: string | null, id: string): HistoryEntry {
  const scrub = (text: string) => {
    const redacted = redactKeys(text);
    return secret ? redacted.split(secret).join('[redacted]') : redacted;
  };
  const body = entry.body === null ? null : truncate(scrub(entry.body), HISTORY_MAX_BODY);
  const { responseBody, ...rest } = entry;
  return {
    ...rest,
    id,
    path: scrub(entry.path),
    query: entry.query.map((q) => ({ name: q.name, value: scrub(q.value) })),
    headers: entry.headers.filter((h) => h.name.toLowerCase() !== 'x-api-key').map((h) => ({ name: h.name, value: scrub(h.value) })),
    body: body?.text ?? null,
    bodyTruncated: body?.truncated ?? false,
    errorMessage: entry.errorMessage === null ? null : scrub(entry.errorMessage),
    // Cut before scrubbing (a key is far shorter than the margin, so none straddles the cut
    // unredacted), then cut again: scrubbing a whole 200 KB body for 1 KB was most of the work.
    responsePreview: responseBody === null ? null : truncate(scrub(responseBody.slice(0, PREVIEW_CHARS + SCRUB_MARGIN)), PREVIEW_CHARS).text,
  };
}

/**
 * Every request, newest first, capped in count, in a JSON file in the data dir. Bodies are
 * truncated; key-shaped strings and any X-API-Key header are removed before anything is kept.
 */
export class HistoryService {
  private entries: HistoryEntry[];

  constructor(private readonly store: JsonDocument) {
    const parsed = z.array(HistoryEntrySchema).safeParse(store.read());
    this.entries = parsed.success ? parsed.data.slice(0, HISTORY_MAX_ENTRIES) : [];
  }

  /** Keep one exchange (the request service calls this after its reply has gone; see after-reply.ts). */
  add(entry: NewHistoryEntry, secret: string | null, id: string = randomUUID()): HistoryEntry {
    const stored = scrubbed(entry, secret, id);
    this.entries.unshift(stored);
    if (this.entries.length > HISTORY_MAX_ENTRIES) this.entries.length = HISTORY_MAX_ENTRIES;
    this.store.write(this.entries);
    return stored;
  }

  list(filter?: string): HistoryEntry[] {
    const f = filter?.trim().toLowerCase();
    if (!f) return [...this.entries];
    return this.entries.filter((e) =>
      [e.method, e.path, String(e.status ?? e.errorCode ?? ''), e.keyName, e.keyPrefix].some((v) => v.toLowerCase().includes(f)),
    );
  }

  clear(): void {
    this.entries = [];
    this.store.write(this.entries);
  }
}
