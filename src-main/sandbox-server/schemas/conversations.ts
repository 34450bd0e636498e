import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../db/model';
import { cursorParam, limitParam } from './pagination';

export const listConversationsQuery = z.object({
  limit: limitParam,
  starting_after: cursorParam,
  status: z.enum(CONVERSATION_STATUSES, { error: 'status must be one of open, pending, closed.' }).optional(),
  contact_id: z.string({ error: 'contact_id must be a single contact id.' }).min(1).optional(),
});
