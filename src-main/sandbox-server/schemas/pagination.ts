import { z } from 'zod';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../helplane/limits';

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${MAX_LIMIT}.`;

/** Query values arrive as strings; a repeated parameter arrives as an array and is rejected. */
export const limitParam = z
  .string({ error: LIMIT_MESSAGE })
  .regex(/^\d{1,3}$/, { error: LIMIT_MESSAGE })
  .transform(Number)
  .refine((n) => n >= 1 && n <= MAX_LIMIT, { error: LIMIT_MESSAGE })
  .optional()
  .transform((n) => n ?? DEFAULT_LIMIT);

export const cursorParam = z
  .string({ error: 'starting_after must be a single id from a previous page.' })
  .min(1, { error: 'starting_after must be a single id from a previous page.' })
  .optional();
