import type { Contact, Conversation } from '../../../../src-preload/contract';
import { RelativeTime } from '../clock/RelativeTime';
import { useConsoleStore } from '../../store';
import { IdWithCopy } from './CopyId';
import { ExportPanel } from './ExportPanel';
import { PersonalField, usePersonalField } from './PersonalField';
import { Timeline } from './Timeline';

/** A row of the conversations table: the subject opens it; masked, its Reveal button sits beside. */
function ConversationRow({ c, onOpen }: { c: Conversation; onOpen: (id: string) => void }) {
  const subject = usePersonalField(c.subject, 'text', 'subject');
  return (
    <tr>
      <td>
        <button type="button" className="link-button" onClick={() => onOpen(c.id)}>
          {subject.text}
        </button>
        {subject.button && <> {subject.button}</>}
      </td>
      <td>
        <span className={`conv-status conv-${c.status}`}>{c.status}</span>
      </td>
      <td>{c.channel}</td>
      <td>
        <RelativeTime iso={c.last_message_at} />
      </td>
      <td>{c.message_count}</td>
    </tr>
  );
}

/** A contact: details, then its conversations (newest first, "Load more" on the cursor). */
export function ContactView({ contact }: { contact: Contact }) {
  const conversations = useConsoleStore((s) => s.contactConversations);
  const cursor = useConsoleStore((s) => s.contactCursor);
  const status = useConsoleStore((s) => s.contactStatus);
  const error = useConsoleStore((s) => s.contactError);
  const loadMore = useConsoleStore((s) => s.loadMoreConversations);
  const openConversation = useConsoleStore((s) => s.openConversation);
  const name = usePersonalField(contact.name, 'name', 'name');

  return (
    <article className="inspector-view" aria-labelledby="contact-title">
      <div className="title-row">
        <h2 id="contact-title">{name.text}</h2>
        {name.button}
      </div>
      <dl className="details">
        <dt>Email</dt>
        <dd>
          <PersonalField value={contact.email} kind="email" label="email" />
        </dd>
        <dt>Phone</dt>
        <dd>{contact.phone ? <PersonalField value={contact.phone} kind="phone" label="phone" /> : '—'}</dd>
        <dt>Company</dt>
        <dd>{contact.company ?? '—'}</dd>
        <dt>Conversations</dt>
        <dd>{contact.conversation_count}</dd>
        <dt>Contact since</dt>
        <dd>
          <RelativeTime iso={contact.created_at} />
        </dd>
        <dt>Id</dt>
        <dd>
          <IdWithCopy id={contact.id} />
        </dd>
      </dl>

      <Timeline key={contact.id} />

      <table className="data-table">
        <caption>Conversations</caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Status</th>
            <th scope="col">Channel</th>
            <th scope="col">Last message</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {conversations.map((c) => (
            <ConversationRow key={c.id} c={c} onOpen={openConversation} />
          ))}
        </tbody>
      </table>
      {status === 'ready' && conversations.length === 0 && <p className="empty">This contact has no conversations.</p>}
      {status === 'loading' && <p className="hint">Loading conversations…</p>}
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {cursor && (
        <button type="button" onClick={() => void loadMore()} disabled={status === 'loading'}>
          Load more
        </button>
      )}
      <ExportPanel headingLevel={3} fixed={{ kind: 'conversations', contactId: contact.id, label: `${name.text}’s conversations` }} />
    </article>
  );
}
