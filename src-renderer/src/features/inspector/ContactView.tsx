import type { Contact } from '../../../../src-preload/contract';
import { RelativeTime } from '../clock/RelativeTime';
import { useConsoleStore } from '../../store';
import { ExportPanel } from './ExportPanel';

/** A contact: details, then its conversations (newest first, "Load more" on the cursor). */
export function ContactView({ contact }: { contact: Contact }) {
  const conversations = useConsoleStore((s) => s.contactConversations);
  const cursor = useConsoleStore((s) => s.contactCursor);
  const status = useConsoleStore((s) => s.contactStatus);
  const error = useConsoleStore((s) => s.contactError);
  const loadMore = useConsoleStore((s) => s.loadMoreConversations);
  const openConversation = useConsoleStore((s) => s.openConversation);

  return (
    <article className="inspector-view" aria-labelledby="contact-title">
      <h2 id="contact-title">{contact.name}</h2>
      <dl className="details">
        <dt>Email</dt>
        <dd>{contact.email}</dd>
        <dt>Phone</dt>
        <dd>{contact.phone ?? '—'}</dd>
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
          <code>{contact.id}</code>
        </dd>
      </dl>

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
            <tr key={c.id}>
              <td>
                <button type="button" className="link-button" onClick={() => openConversation(c.id)}>
                  {c.subject}
                </button>
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
      <ExportPanel headingLevel={3} fixed={{ kind: 'conversations', contactId: contact.id, label: `${contact.name}’s conversations` }} />
    </article>
  );
}
