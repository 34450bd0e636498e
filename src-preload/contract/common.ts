import { z } from 'zod';

/** Primitives several features share: lengths, ids and name/value pairs. */

export const MAX_PATH = 2048;
/** Request bodies the builder may send (the API refuses more than 1 MiB anyway). */
export const MAX_REQUEST_BODY = 1024 * 1024;

/** A key's id, as every operation on a key (or sent with one) takes it. */
export const KeyIdSchema = z.string().min(1).max(128);
/** An id of the API's own (contact, conversation), passed into a path. */
export const ResourceIdSchema = z.string().min(1).max(128).regex(/^[\w-]+$/, 'Not an id.');
/** A pagination cursor the API handed out. */
export const CursorSchema = z.string().min(1).max(128).regex(/^[\w-]+$/, 'Not a cursor.');

/** A header or query parameter as main reports it (replies and History). */
export const NameValueSchema = z.object({ name: z.string(), value: z.string() });
export type NameValue = z.infer<typeof NameValueSchema>;
