/**
 * Size limits of the Helplane API (spec: Resources and Pagination). The OpenAPI document states
 * them and the sandbox's validation enforces them, so both read them from here.
 */

/** A message body, in characters. */
export const BODY_MAX = 10_000;
/** A new conversation's subject, in characters. */
export const SUBJECT_MAX = 200;
/** A contact's email, in characters. */
export const EMAIL_MAX = 254;
/** A contact's name or company, in characters. */
export const NAME_MAX = 200;
/** Page size when `limit` is left out. */
export const DEFAULT_LIMIT = 25;
/** The largest `limit` a list accepts. */
export const MAX_LIMIT = 100;
