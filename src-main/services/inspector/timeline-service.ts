import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ConversationDetailSchema, ConversationSchema, type ConversationDetail, type TimelineProgress } from '../../../src-preload/contract';
import type { ApiGateway, EventSink } from '../../ports';
import { AppFailure } from '../../lib/errors';
import type { BudgetPacer } from '../rate-limit/budget-pacer';
import { PacedReader } from './paced-reader';
import { readReply } from './read-reply';

/** Conversations listed per request: the API's largest page, so listing costs the fewest tokens. */
const LIST_PAGE = 100;
/** Conversations read before pausing until the window scrolls near the end (`more`). */
export const DEFAULT_WINDOW = 20;
/** Conversations one timeline reads at most: a runaway contact cannot fill main's memory. */
export const TIMELINE_CAP = 2000;
/** Open timelines at most (one per window is the norm); past it the oldest is closed. */
const MAX_TIMELINES = 8;

const ConversationListSchema = z.object({ object: z.literal('list'), data: z.array(ConversationSchema), has_more: z.boolean(), next_cursor: z.string().nullable() });

interface Walk {
  id: string;
  contactId: string;
  controller: AbortController;
  /** Read up to this many conversations, then pause. */
  wanted: number;
  /** Wakes a paused walk when `more` raises `wanted`. */
  wake: (() => void) | null;
}

export interface TimelineDeps {
  api: ApiGateway;
  pacer: BudgetPacer;
  events: EventSink;
  now: () => number;
}

/**
 * The Timeline of a contact (issue 18): main lists its conversations (newest first) and reads each
 * one's messages, one paced request at a time, sending each conversation to the window as its reply
 * arrives. It reads a window's worth and pauses; a scroll near the end asks for more. Main walks
 * (not the renderer paging) so pacing, 429 waits and cancel live beside the one budget model.
 */
export class TimelineService {
  private readonly walks = new Map<string, Walk>();

  constructor(private readonly deps: TimelineDeps) {}

  /** Opens a contact's timeline: the access log's "contact opened" can hook here. */
  open(keyId: string, contactId: string, window = DEFAULT_WINDOW): { timelineId: string } {
    const id = `tl_${randomBytes(8).toString('hex')}`;
    const oldest = this.walks.keys().next();
    if (this.walks.size >= MAX_TIMELINES && !oldest.done) this.close(oldest.value);
    const walk: Walk = { id, contactId, controller: new AbortController(), wanted: window, wake: null };
    this.walks.set(id, walk);
    void this.run(walk, keyId).finally(() => this.walks.delete(id));
    return { timelineId: id };
  }

  /** Read `window` more conversations (the list scrolled near its end). */
  more(timelineId: string, window = DEFAULT_WINDOW): boolean {
    const walk = this.walks.get(timelineId);
    if (!walk) return false;
    walk.wanted += window;
    walk.wake?.();
    return true;
  }

  close(timelineId: string): boolean {
    const walk = this.walks.get(timelineId);
    if (!walk) return false;
    walk.controller.abort(new AppFailure('cancelled', 'Timeline closed.'));
    walk.wake?.();
    this.walks.delete(timelineId);
    return true;
  }

  private async run(walk: Walk, keyId: string): Promise<void> {
    const { signal } = walk.controller;
    const queue: string[] = [];
    let cursor: string | null = null;
    let listedAll = false;
    let progress: TimelineProgress = { timelineId: walk.id, contactId: walk.contactId, state: 'loading', added: [], loaded: 0, listed: 0, listComplete: false, hasMore: true, requests: 0, rateLimited: 0, message: null };
    const emit = (patch: Partial<TimelineProgress>) => {
      progress = { ...progress, added: [], message: null, listComplete: listedAll, hasMore: queue.length > 0 || !listedAll, ...patch, requests: reader.counts.requests, rateLimited: reader.counts.rateLimited };
      this.deps.events.emit('timelineProgress', progress);
    };
    const reader = new PacedReader(this.deps, keyId, signal, (waiting) => {
      if (waiting) emit({ state: 'waiting', message: waiting });
    });
    try {
      emit({});
      while (progress.loaded < TIMELINE_CAP) {
        // Paused before spending anything on what nobody has scrolled to yet.
        if (progress.loaded >= walk.wanted && (queue.length > 0 || !listedAll)) {
          emit({ state: 'paused' });
          // A listener may have asked for more while hearing the pause: then there is nothing to wait for.
          if (progress.loaded >= walk.wanted) await new Promise<void>((resolve) => (walk.wake = resolve));
          walk.wake = null;
          signal.throwIfAborted();
          emit({ state: 'loading' });
          continue;
        }
        if (queue.length === 0) {
          if (listedAll) break;
          const query: Record<string, string> = { contact_id: walk.contactId, limit: String(LIST_PAGE) };
          if (cursor) query.starting_after = cursor;
          const page = readReply(await reader.get('/v1/conversations', query), ConversationListSchema);
          queue.push(...page.data.map((c) => c.id));
          cursor = page.has_more ? page.next_cursor : null;
          listedAll = cursor === null;
          emit({ state: 'loading', listed: progress.listed + page.data.length });
          continue;
        }
        const conversationId = queue.shift()!;
        const detail: ConversationDetail = readReply(await reader.get(`/v1/conversations/${encodeURIComponent(conversationId)}`, {}), ConversationDetailSchema);
        emit({ state: 'loading', added: [detail], loaded: progress.loaded + 1 });
      }
      const capped = progress.loaded >= TIMELINE_CAP && (queue.length > 0 || !listedAll);
      emit({
        state: 'done',
        hasMore: capped,
        message: capped ? `Stopped at ${TIMELINE_CAP} conversations (the timeline's limit); older ones are not shown.` : null,
      });
    } catch (error) {
      if (signal.aborted) return emit({ state: 'cancelled', message: 'Timeline closed.' });
      emit({ state: 'failed', message: `The timeline stopped after ${progress.loaded} conversations: ${error instanceof AppFailure ? error.message : 'an unexpected error'}.` });
    }
  }
}
