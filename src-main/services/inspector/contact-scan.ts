import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ContactSchema, type ContactScanBy, type ContactScanProgress } from '../../../src-preload/contract';
import type { ApiGateway, EventSink } from '../../ports';
import { AppFailure } from '../../lib/errors';
import type { BudgetPacer } from '../rate-limit/budget-pacer';
import { contactMatcher } from './contact-match';
import { PacedReader } from './paced-reader';
import { readReply } from './read-reply';

/** Largest page the API serves: fewest requests for a whole scan. */
const PAGE_SIZE = 100;
/** Matches kept; past it the scan stops and says the list was cut (narrow the search). */
export const MATCHES_CAP = 200;
/** Scans running at once, at most. */
const MAX_SCANS = 4;

const ContactListSchema = z.object({ object: z.literal('list'), data: z.array(ContactSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

export interface ContactScanDeps {
  api: ApiGateway;
  pacer: BudgetPacer;
  events: EventSink;
  now: () => number;
}

/**
 * Find contacts by what the API cannot filter (company, phone, id) by reading the whole contacts
 * list at the budget's pace, reporting "scanned N" as it goes, cancellable. Never a silent partial
 * answer: the last event says done (all scanned), cancelled, failed or capped.
 */
export class ContactScanService {
  private readonly scans = new Map<string, AbortController>();

  constructor(private readonly deps: ContactScanDeps) {}

  start(keyId: string, by: ContactScanBy, value: string): { scanId: string } {
    const scanId = `scan_${randomBytes(8).toString('hex')}`;
    // A window cancels the scans it replaces; this cap holds if it does not: the oldest goes.
    const oldest = this.scans.keys().next();
    if (this.scans.size >= MAX_SCANS && !oldest.done) this.cancel(oldest.value);
    const controller = new AbortController();
    this.scans.set(scanId, controller);
    void this.run(scanId, keyId, by, value, controller.signal).finally(() => this.scans.delete(scanId));
    return { scanId };
  }

  cancel(scanId: string): boolean {
    const controller = this.scans.get(scanId);
    if (!controller) return false;
    controller.abort(new AppFailure('cancelled', 'Scan cancelled.'));
    return true;
  }

  private async run(scanId: string, keyId: string, by: ContactScanBy, value: string, signal: AbortSignal): Promise<void> {
    const matches = contactMatcher(by, value);
    let progress: ContactScanProgress = { scanId, by, state: 'running', scanned: 0, total: null, matches: [], matchesCapped: false, requests: 0, rateLimited: 0, message: null };
    const emit = (patch: Partial<ContactScanProgress>) => {
      progress = { ...progress, ...patch, requests: reader.counts.requests, rateLimited: reader.counts.rateLimited };
      this.deps.events.emit('contactScanProgress', progress);
    };
    const reader = new PacedReader(this.deps, keyId, signal, (waiting) => {
      if (waiting) emit({ state: 'waiting', message: waiting });
    });
    emit({});
    try {
      let cursor: string | null = null;
      do {
        const query: Record<string, string> = { limit: String(PAGE_SIZE) };
        if (cursor) query.starting_after = cursor;
        const page = readReply(await reader.get('/v1/contacts', query), ContactListSchema);
        const found = [...progress.matches, ...page.data.filter(matches)];
        const capped = found.length > MATCHES_CAP;
        const scanned = progress.scanned + page.data.length;
        cursor = page.has_more ? page.next_cursor : null;
        if (capped) {
          emit({ state: 'done', scanned, matches: found.slice(0, MATCHES_CAP), matchesCapped: true, message: `More than ${MATCHES_CAP} contacts match: the scan stopped after ${scanned} contacts. Narrow the search.` });
          return;
        }
        // An id is unique: found, the scan has its answer.
        if (by === 'id' && found.length > 0) {
          emit({ state: 'done', scanned, matches: found, message: null });
          return;
        }
        emit({ state: 'running', scanned, total: cursor ? null : scanned, matches: found, message: null });
      } while (cursor);
      emit({ state: 'done', total: progress.scanned, message: null });
    } catch (error) {
      const cancelled = signal.aborted;
      emit({
        state: cancelled ? 'cancelled' : 'failed',
        message: cancelled
          ? `Scan cancelled after ${progress.scanned} contacts: the matches shown are from those only.`
          : `Scan failed after ${progress.scanned} contacts: ${error instanceof AppFailure ? error.message : 'an unexpected error'}. The matches shown are from those only.`,
      });
    }
  }
}
