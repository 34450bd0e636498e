import { randomUUID } from 'node:crypto';
import { HistoryEntrySchema, type HistoryEntry } from '../../../src-preload/contract';
import { mayHoldKey, redactSecret, ruleAbidingPrefix } from '../../helplane/key-format';
import { keepAside } from '../../lib/keep-aside';
import type { JsonDocument } from '../../ports';

export const HISTORY_MAX_ENTRIES = 500;
export const HISTORY_MAX_BODY = 4096;
const PREVIEW_CHARS = 1024;
/** Longer than any secret the console keeps (API keys are 8 to 512 characters). */
const SCRUB_MARGIN = 1024;
/** Entries past the cap before the oldest are dropped in one go (adding stays a push). */
const TRIM_SLACK = 64;

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'bodyTruncated' | 'responsePreview'> & { responseBody: string | null };

/**
 * The first `max` characters of `text`, as a string of its own. V8 keeps the whole source of a
 * slice alive, so a 4 KB cut of a 1 MB request body kept in History would keep the 1 MB; even an
 * 8 KB reply kept per entry costs more in garbage collection than copying 1 KB out of it.
 * (structuredClone builds a new string, exact for any string.)
 */
function truncate(text: string, max: number): { text: string; truncated: boolean } {
  return text.length > max ? { text: structuredClone(text.slice(0, max)), truncated: true } : { text, truncated: false };
}

type Pairs = HistoryEntry['query'];

function validEntry(value: unknown): HistoryEntry[] {
  const parsed = HistoryEntrySchema.safeParse(value);
  return parsed.success ? [parsed.data] : [];
}

/** Name/value pairs without X-API-Key and with values scrubbed; the same array when nothing changes. */
function scrubPairs(pairs: Pairs, secret: string | null): Pairs {
  if (!pairs.some((p) => mayHoldKey(p.value, secret) || p.name.toLowerCase() === 'x-api-key')) return pairs;
  return pairs.filter((p) => p.name.toLowerCase() !== 'x-api-key').map((p) => ({ name: p.name, value: redactSecret(p.value, secret) }));
}

/** What History keeps of an exchange: bodies cut, key-shaped strings and the key itself removed. */
function scrubbed(entry: NewHistoryEntry, secret: string | null, id: string): HistoryEntry {
  const body = entry.body === null ? null : truncate(redactSecret(entry.body, secret), HISTORY_MAX_BODY);
  const response = entry.responseBody;
  return {
    id,
    time: entry.time,
    method: entry.method,
    path: redactSecret(entry.path, secret),
    query: entry.query.length === 0 ? [] : scrubPairs(entry.query, secret),
    headers: entry.headers.length === 0 ? [] : scrubPairs(entry.headers, secret),
    body: body?.text ?? null,
    bodyTruncated: body?.truncated ?? false,
    status: entry.status,
    errorCode: entry.errorCode,
    errorMessage: entry.errorMessage === null ? null : redactSecret(entry.errorMessage, secret),
    durationMs: entry.durationMs,
    keyId: entry.keyId,
    keyName: entry.keyName,
    keyPrefix: entry.keyPrefix,
    rateLimit: entry.rateLimit,
    // Cut before scrubbing (a key is far shorter than the margin, so none straddles the cut
    // unredacted), then cut again: scrubbing a whole 200 KB body for 1 KB was most of the work.
    responsePreview:
      response === null
        ? null
        : truncate(redactSecret(response.length > PREVIEW_CHARS + SCRUB_MARGIN ? response.slice(0, PREVIEW_CHARS + SCRUB_MARGIN) : response, secret), PREVIEW_CHARS).text,
  };
}

/** Entries an older console kept with the first 12 characters of any key, cut to the key rule (the same array when none is). */
function withRuleAbidingPrefixes(entries: HistoryEntry[]): HistoryEntry[] {
  if (entries.every((e) => ruleAbidingPrefix(e.keyPrefix) === e.keyPrefix)) return entries;
  return entries.map((e) => ({ ...e, keyPrefix: ruleAbidingPrefix(e.keyPrefix) }));
}

/**
 * Every request, newest first, capped in count, in a JSON file in the data dir. Bodies are
 * truncated; key-shaped strings and any X-API-Key header are removed before anything is kept.
 */
export class HistoryService {
  /** Oldest first, so adding is a push; trimmed to the newest HISTORY_MAX_ENTRIES now and then. */
  private entries: HistoryEntry[];
  /** What the file gets: the newest entries first, built only when the file is written. */
  private readonly document = { toJSON: () => this.newestFirst() };

  constructor(private readonly store: JsonDocument) {
    const raw = store.read();
    // Entry by entry: one bad entry (an unknown method, a field cut) must not cost the others.
    const valid = Array.isArray(raw) ? raw.flatMap((e) => validEntry(e)) : [];
    const kept = valid.slice(0, HISTORY_MAX_ENTRIES).reverse();
    // Prefixes an older console stored whole are cut to what the prefix rule allows.
    this.entries = withRuleAbidingPrefixes(kept);
    if (raw !== undefined && (!Array.isArray(raw) || valid.length < raw.length)) keepAside(store, this.document);
    else if (this.entries !== kept) {
      try {
        this.store.write(this.document);
      } catch {
        // Not fatal at start-up: the entries are cut in memory, and the next write stores them so.
      }
    }
  }

  /** Keep one exchange (the request service calls this after its reply has gone; see after-reply.ts). */
  add(entry: NewHistoryEntry, secret: string | null, id: string = randomUUID()): HistoryEntry {
    const stored = scrubbed(entry, secret, id);
    this.entries.push(stored);
    if (this.entries.length > HISTORY_MAX_ENTRIES + TRIM_SLACK) this.entries = this.entries.slice(-HISTORY_MAX_ENTRIES);
    this.store.write(this.document);
    return stored;
  }

  list(filter?: string): HistoryEntry[] {
    const all = this.newestFirst();
    // Words, each of which must match a field: "POST /v1/messages" is method and path at once.
    const terms = (filter ?? '').toLowerCase().split(/\s+/).filter((t) => t !== '');
    if (terms.length === 0) return all;
    return all.filter((e) => {
      const fields = [e.method, e.path, String(e.status ?? e.errorCode ?? ''), e.keyName, e.keyPrefix].map((v) => v.toLowerCase());
      return terms.every((t) => fields.some((v) => v.includes(t)));
    });
  }

  clear(): { cleared: boolean } {
    this.entries = [];
    this.store.write(this.document);
    return { cleared: true };
  }

  private newestFirst(): HistoryEntry[] {
    return this.entries.slice(-HISTORY_MAX_ENTRIES).reverse();
  }
}
