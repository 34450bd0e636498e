import { z } from 'zod';
import { EMAIL_MAX, NAME_MAX } from '../../helplane/limits';
import { cursorParam, limitParam } from './pagination';

export const PHONE_PATTERN = /^[0-9+() .-]{3,40}$/;
/** Deliberately loose (like most APIs): one @, no spaces, a dot in the domain. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const listContactsQuery = z.object({
  limit: limitParam,
  starting_after: cursorParam,
  email: z
    .string({ error: 'email must be a single email address.' })
    .min(1, { error: 'email must not be empty.' })
    .max(EMAIL_MAX, { error: `email must be at most ${EMAIL_MAX} characters.` })
    .optional(),
  q: z
    .string({ error: 'q must be a single search string.' })
    .max(200, { error: 'q must be at most 200 characters.' })
    .optional(),
});

const optionalText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string or null.` })
    .trim()
    .min(1, { error: `${field} must not be empty; send null or leave it out.` })
    .max(max, { error: `${field} must be at most ${max} characters.` })
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const createContactBody = z.strictObject(
  {
    name: z
      .string({ error: 'name is required: the contact\u2019s full name.' })
      .trim()
      .min(1, { error: 'name must not be empty.' })
      .max(NAME_MAX, { error: `name must be at most ${NAME_MAX} characters.` }),
    email: z
      .string({ error: 'email is required: the contact\u2019s email address.' })
      .trim()
      .max(EMAIL_MAX, { error: `email must be at most ${EMAIL_MAX} characters.` })
      .regex(EMAIL_PATTERN, { error: 'email must be a valid email address, like ada@example.com.' }),
    phone: optionalText('phone', 40).refine((v) => v === null || PHONE_PATTERN.test(v), {
      error: 'phone may contain only digits, spaces and + ( ) . -',
    }),
    company: optionalText('company', NAME_MAX),
  },
  { error: 'The body must be a JSON object like {"name": "…", "email": "…"}.' },
);
