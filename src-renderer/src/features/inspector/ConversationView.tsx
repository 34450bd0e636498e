import { RelativeTime } from '../clock/RelativeTime';
import { useConsoleStore } from '../../store';
import { ExportPanel } from './ExportPanel';

const AUTHOR_TYPE: Record<string, string> = { contact: 'Customer', agent: 'Agent', api: 'API' };

/** A conversation read as a thread, oldest message first. Read-only. */
export function ConversationView() {
  const conversation = useConsoleStore((s) => s.conversation);
  const status = useConsoleStore((s) => s.conversationStatus);
  const error = useConsoleStore((s) => s.conversationError);

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
      <h2 id="conversation-title">{conversation.subject}</h2>
      <dl className="details">
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
          <li key={m.id} className={`message message-${m.author.type}`}>
            <p className="message-meta">
              <strong>{m.author.name ?? AUTHOR_TYPE[m.author.type] ?? m.author.type}</strong>{' '}
              <span className="badge">{AUTHOR_TYPE[m.author.type] ?? m.author.type}</span> <RelativeTime iso={m.created_at} />
            </p>
            <p className="message-body">{m.body}</p>
          </li>
        ))}
      </ol>
      <ExportPanel headingLevel={3} fixed={{ kind: 'thread', conversationId: conversation.id, label: 'this thread' }} />
    </article>
  );
}
