import { z } from 'zod';
import { BODY_MAX, SUBJECT_MAX } from '../../helplane/limits';

const messageText = z
  .string({ error: 'body is required: the message text.' })
  .max(BODY_MAX, { error: `body must be at most ${BODY_MAX} characters.` })
  .refine((s) => s.trim().length > 0, { error: 'body must not be empty.' });

const idField = (field: string, what: string) =>
  z.string({ error: `${field} must be the id of ${what}.` }).min(1, { error: `${field} must not be empty.` });

/** `{conversation_id, body}`: a reply in an existing conversation. */
export const replyBody = z.strictObject({
  conversation_id: idField('conversation_id', 'a conversation of this workspace'),
  body: messageText,
});

/** `{contact_id, subject, body}`: a new conversation with this first message. */
export const newConversationBody = z.strictObject({
  contact_id: idField('contact_id', 'a contact of this workspace'),
  subject: z
    .string({ error: 'subject is required to start a conversation.' })
    .trim()
    .min(1, { error: 'subject must not be empty.' })
    .max(SUBJECT_MAX, { error: `subject must be at most ${SUBJECT_MAX} characters.` }),
  body: messageText,
});
