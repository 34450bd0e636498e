import type { Contact, Message } from '../../../../src-preload/contract';
import { RelativeTime } from '../clock/RelativeTime';
import { useConsoleStore } from '../../store';
import { ExportPanel } from './ExportPanel';
import { IdWithCopy } from './CopyId';
import { PersonalField, usePersonalField } from './PersonalField';
import { formatDateTime } from './timeline-items';

const AUTHOR_TYPE: Record<string, string> = { contact: 'Customer', agent: 'Agent', api: 'API' };

function MessageItem({ m }: { m: Message }) {
  const type = AUTHOR_TYPE[m.author.type] ?? m.author.type;
  return (
    <li className={`message message-${m.author.type}`}>
      <p className="message-meta">
        <strong>{m.author.name ? <PersonalField value={m.author.name} kind="name" label="author name" /> : type}</strong> <span className="badge">{type}</span>{' '}
        <time dateTime={m.created_at} title={formatDateTime(m.created_at)}>
          <RelativeTime iso={m.created_at} />
        </time>{' '}
        <IdWithCopy id={m.id} />
      </p>
      <p className="message-body">
        <PersonalField value={m.body} kind="text" label="message" />
      </p>
    </li>
  );
}

/** Who the conversation is with: known when opened from the contact; by id, found by a paced scan. */
function ContactOf({ contact, contactId }: { contact: Contact | null; contactId: string }) {
  const scan = useConsoleStore((s) => (s.scanPurpose === 'conversation-contact' ? s.scanProgress : null));
  const openContact = useConsoleStore((s) => s.openContact);
  const name = usePersonalField(contact?.name ?? '', 'name', 'contact name');
  if (!contact) {
    const words =
      scan?.state === 'done'
        ? `Not found among ${scan.scanned} contacts.`
        : scan?.state === 'failed' || scan?.state === 'cancelled'
          ? (scan.message ?? 'The contact could not be looked up.')
          : `Looking the contact up (${scan?.scanned ?? 0} contacts scanned)…`;
    return (
      <>
        <IdWithCopy id={contactId} /> <span className="hint">{words}</span>
      </>
    );
  }
  return (
    <>
      <button type="button" className="link-button" onClick={() => openContact(contact)}>
        {name.text}
      </button>
      {name.button && <> {name.button}</>} <IdWithCopy id={contact.id} />
    </>
  );
}

/** A conversation read as a thread, oldest message first. Read-only. */
export function ConversationView() {
  const conversation = useConsoleStore((s) => s.conversation);
  const status = useConsoleStore((s) => s.conversationStatus);
  const error = useConsoleStore((s) => s.conversationError);
  const view = useConsoleStore((s) => s.views[s.viewIndex]);
  const subject = usePersonalField(conversation?.subject ?? '', 'text', 'subject');

  if (error) {
    return (
      <p role="alert" className="form-error">
        {error.message}
      </p>
    );
  }
  if (!conversation || status === 'loading') return <p className="hint">Loading the conversation…</p>;
  return (
    <article className="inspector-view" aria-labelledby="conversation-title">
      <div className="title-row">
        <h2 id="conversation-title">{subject.text}</h2>
        {subject.button}
      </div>
      <dl className="details">
        <dt>Contact</dt>
        <dd>
          <ContactOf contact={view?.kind === 'conversation' ? view.contact : null} contactId={conversation.contact_id} />
        </dd>
        <dt>Id</dt>
        <dd>
          <IdWithCopy id={conversation.id} />
        </dd>
        <dt>Status</dt>
        <dd>
          <span className={`conv-status conv-${conversation.status}`}>{conversation.status}</span>
        </dd>
        <dt>Assignee</dt>
        <dd>{conversation.assignee ?? 'Unassigned'}</dd>
        <dt>Channel</dt>
        <dd>{conversation.channel}</dd>
        <dt>Tags</dt>
        <dd>{conversation.tags.length > 0 ? conversation.tags.map((t) => <span key={t} className="tag">{t}</span>) : 'None'}</dd>
        <dt>Messages</dt>
        <dd>{conversation.message_count}</dd>
      </dl>
      <ol className="thread" aria-label="Messages">
        {conversation.messages.map((m) => (
          <MessageItem key={m.id} m={m} />
        ))}
      </ol>
      <ExportPanel headingLevel={3} fixed={{ kind: 'thread', conversationId: conversation.id, label: 'this thread' }} />
    </article>
  );
}
