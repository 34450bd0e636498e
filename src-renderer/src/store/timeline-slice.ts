import type { AppError, ConversationDetail, TimelineProgress } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import { selectActiveKey } from './selectors';
import type { SliceCreator } from './types';

/** Conversations asked for per window: the first screenful and each scroll near the end. */
export const TIMELINE_WINDOW = 20;

export interface TimelineSlice {
  /** The contact whose timeline is open (null: none). */
  timelineContactId: string | null;
  timelineId: string | null;
  /** Conversations read so far, with their messages, in the order main read them (newest first). */
  timelineConversations: ConversationDetail[];
  timelineProgress: TimelineProgress | null;
  timelineError: AppError | null;
  /** Opens the timeline of a contact (closing the one open before). */
  openTimeline(contactId: string): Promise<void>;
  /** The list scrolled near its end: read the next window, if the walk is paused. */
  moreTimeline(): Promise<void>;
  closeTimeline(): void;
  applyTimelineProgress(progress: TimelineProgress): void;
}

export const createTimelineSlice: SliceCreator<TimelineSlice> = (set, get) => {
  // Events of a timeline whose open call has not answered yet (they may overtake the reply).
  let early: TimelineProgress[] = [];
  return {
    timelineContactId: null,
    timelineId: null,
    timelineConversations: [],
    timelineProgress: null,
    timelineError: null,

    openTimeline: async (contactId) => {
      const keyId = selectActiveKey(get())?.id;
      get().closeTimeline();
      if (!keyId) return;
      early = [];
      set({ timelineContactId: contactId, timelineId: null, timelineConversations: [], timelineProgress: null, timelineError: null });
      const r = await getDesktopApi().inspectorTimelineOpen({ keyId, contactId, window: TIMELINE_WINDOW });
      if (get().timelineContactId !== contactId || get().timelineId !== null) {
        // Left (or reopened) before main answered: this walk is nobody's.
        if (r.ok) void getDesktopApi().inspectorTimelineClose({ timelineId: r.value.timelineId });
        return;
      }
      if (!r.ok) return set({ timelineError: r.error });
      set({ timelineId: r.value.timelineId });
      for (const p of early.filter((e) => e.timelineId === r.value.timelineId)) get().applyTimelineProgress(p);
      early = [];
    },

    moreTimeline: async () => {
      const { timelineId, timelineProgress } = get();
      if (!timelineId || timelineProgress?.state !== 'paused') return;
      // Shown as loading at once, so a burst of scroll events asks once.
      set({ timelineProgress: { ...timelineProgress, state: 'loading', added: [] } });
      await getDesktopApi().inspectorTimelineMore({ timelineId, window: TIMELINE_WINDOW });
    },

    closeTimeline: () => {
      const { timelineId } = get();
      if (timelineId) void getDesktopApi().inspectorTimelineClose({ timelineId });
      early = [];
      set({ timelineContactId: null, timelineId: null, timelineConversations: [], timelineProgress: null, timelineError: null });
    },

    applyTimelineProgress: (progress) => {
      const { timelineId, timelineContactId } = get();
      if (timelineId === null) {
        if (timelineContactId === progress.contactId) early.push(progress);
        return;
      }
      if (progress.timelineId !== timelineId) return;
      set({
        timelineProgress: progress,
        timelineConversations: progress.added.length > 0 ? [...get().timelineConversations, ...progress.added] : get().timelineConversations,
      });
    },
  };
};
