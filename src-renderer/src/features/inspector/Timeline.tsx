import { useId, useMemo, useState, type UIEvent } from 'react';
import type { ConversationStatus, TimelineProgress } from '../../../../src-preload/contract';
import { useConsoleStore } from '../../store';
import { IdWithCopy } from './CopyId';
import { PersonalField, usePersonalField } from './PersonalField';
import { facets, filterTimeline, formatDateTime, NO_FILTER, timelineItems, type TimelineFilter, type TimelineItem } from './timeline-items';
import { StatusOptions } from './StatusOptions';

const AUTHOR_TYPE: Record<string, string> = { contact: 'Customer', agent: 'Agent', api: 'API' };
/** Ask for older conversations when the list is scrolled this close to its end (px). */
const NEAR_END_PX = 160;

function progressWords(p: TimelineProgress | null): string {
  if (!p) return 'Reading the conversations…';
  const read = `${p.loaded} of ${p.listed}${p.listComplete ? '' : '+'} conversation${p.listed === 1 ? '' : 's'} read`;
  switch (p.state) {
    case 'loading':
      return `${read}…`;
    case 'waiting':
      return `${read} · ${p.message ?? 'Waiting for the rate limit.'}`;
    case 'paused':
      return `${read} · older ones load as you scroll.`;
    case 'done':
      return p.message ?? (p.loaded === 0 ? 'This contact has no conversations.' : `All ${p.loaded} conversations read.`);
    case 'cancelled':
    case 'failed':
      return p.message ?? 'The timeline stopped.';
  }
}

function Line({ item, onOpen }: { item: TimelineItem; onOpen: (id: string) => void }) {
  const c = item.conversation;
  // The subject is a button's name: its Reveal button goes beside it, not inside.
  const subject = usePersonalField(c.subject, 'text', 'subject');
  const at = (
    <time dateTime={item.at} className="timeline-time">
      {formatDateTime(item.at)}
    </time>
  );
  if (item.kind === 'conversation') {
    return (
      <li className="timeline-item timeline-conversation">
        <p className="message-meta">
          {at} <span className="badge">Conversation</span>{' '}
          <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
            {subject.text}
          </button>{' '}
          {subject.button}{' '}
          <span className={`conv-status conv-${c.status}`}>{c.status}</span> <span className="badge">{c.channel}</span>{' '}
          {c.tags.map((t) => (
            <span key={t} className="tag">
              {t}
            </span>
          ))}{' '}
          <IdWithCopy id={c.id} />
        </p>
      </li>
    );
  }
  const m = item.message;
  const type = AUTHOR_TYPE[m.author.type] ?? m.author.type;
  return (
    <li className={`timeline-item message message-${m.author.type}`}>
      <p className="message-meta">
        {at} <strong>{m.author.name ? <PersonalField value={m.author.name} kind="name" label="author name" /> : type}</strong> <span className="badge">{type}</span>{' '}
        <span className="hint">in “{subject.text.length > 60 ? `${subject.text.slice(0, 60)}…` : subject.text}”</span> <IdWithCopy id={m.id} />
      </p>
      <p className="message-body">
        <PersonalField value={m.body} kind="text" label="message" />
      </p>
    </li>
  );
}

/**
 * Region `Timeline`: a contact's conversations and their messages in one list, newest first, as main
 * reads them (paced); older conversations are read when the list is scrolled near its end. Searching
 * and the filters apply to what has been read, and say so while more remains.
 */
export function Timeline() {
  const id = useId();
  const conversations = useConsoleStore((s) => s.timelineConversations);
  const progress = useConsoleStore((s) => s.timelineProgress);
  const error = useConsoleStore((s) => s.timelineError);
  const more = useConsoleStore((s) => s.moreTimeline);
  const openConversation = useConsoleStore((s) => s.openConversation);
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const all = useMemo(() => timelineItems(conversations), [conversations]);
  const shown = useMemo(() => filterTimeline(all, filter), [all, filter]);
  const { channels, tags } = useMemo(() => facets(conversations), [conversations]);
  const filtered = shown.length !== all.length;
  const set = (patch: Partial<TimelineFilter>) => setFilter((f) => ({ ...f, ...patch }));

  function onScroll(e: UIEvent<HTMLOListElement>) {
    const el = e.currentTarget;
    if (el.scrollTop + el.clientHeight >= el.scrollHeight - NEAR_END_PX) void more();
  }

  return (
    <section className="panel timeline" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Timeline</h3>
      <div className="timeline-filters">
        <div className="field">
          <label htmlFor={`${id}-q`}>Search timeline</label>
          <input id={`${id}-q`} type="search" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={filter.status} onChange={(e) => set({ status: e.target.value as ConversationStatus | '' })}>
            <StatusOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-channel`}>Channel</label>
          <select id={`${id}-channel`} value={filter.channel} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">Any channel</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={filter.tag} onChange={(e) => set({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={filter.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={filter.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        {JSON.stringify(filter) !== JSON.stringify(NO_FILTER) && (
          <button type="button" onClick={() => setFilter(NO_FILTER)}>
            Clear filters
          </button>
        )}
      </div>
      <p className={progress?.state === 'failed' ? 'form-error' : 'hint'} aria-live="polite">
        {progressWords(progress)}
        {filtered && ` Showing ${shown.length} of ${all.length} items${progress?.state === 'done' ? '' : ' read so far'}.`}
      </p>
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      <ol className="timeline-list" aria-label="Timeline items" onScroll={onScroll} tabIndex={0}>
        {shown.map((item) => (
          <Line key={item.key} item={item} onOpen={openConversation} />
        ))}
      </ol>
      {progress?.state === 'paused' && (
        <button type="button" onClick={() => void more()}>
          Load older conversations
        </button>
      )}
    </section>
  );
}
