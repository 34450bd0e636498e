/** Size caps of collection files: a file past them is reported, not parsed (or written). */

/** One request file, in characters. */
export const REQUEST_FILE_MAX = 1_000_000;
/** The collection file, in characters. */
export const COLLECTION_FILE_MAX = 1_000_000;
/** A request's body text, in characters (the API's own cap is far lower; this only guards memory). */
export const BODY_TEXT_MAX = 512_000;
/** A name (request, variable, header, query or path parameter), in characters. */
export const NAME_TEXT_MAX = 200;
/** A value (variable, header, query or path parameter, assertion text), in characters. */
export const VALUE_TEXT_MAX = 8_000;
/** A path or free path, in characters. */
export const PATH_TEXT_MAX = 2_000;
/** Entries in one map (headers, query, params, variables) or list (captures, tests). */
export const ENTRIES_MAX = 500;
/** Requests listed in one collection folder tree. */
export const REQUESTS_MAX = 20_000;
/** Nested `{{name}}` expansion depth before resolution stops with a loop error. */
export const VARIABLE_DEPTH_MAX = 10;
