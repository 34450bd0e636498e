import {
  COMPONENT_SCHEMAS,
  CREATE_CONTACT_SCHEMA,
  CREATE_MESSAGE_SCHEMA,
  LIMIT_SCHEMA,
  type JsonSchema,
} from './schemas';

export type { JsonSchema } from './schemas';

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: JsonSchema;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security?: Array<Record<string, string[]>>;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, unknown>;
  /** An example body for a request builder to start from (POST only). */
  'x-template'?: Record<string, unknown>;
}

export type HttpMethod = 'get' | 'post';

export interface OpenApiServer {
  url: string;
  description: string;
  variables?: Record<string, { default: string; description: string }>;
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    contact: { name: string };
    /** `identifier`: an SPDX expression; `LicenseRef-` is SPDX's form for a license not on its list. */
    license: { name: string; identifier: string };
  };
  servers: OpenApiServer[];
  tags: Array<{ name: string; description: string }>;
  security: Array<Record<string, string[]>>;
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: Record<string, Record<string, unknown>>;
}

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'invalid_request (a bad query parameter or Idempotency-Key) or invalid_json (malformed body).',
  '401': 'missing_api_key, invalid_api_key or revoked_api_key.',
  '403': 'plan_not_eligible: the workspace is below the Growth plan.',
  '404': 'not_found: unknown id or path.',
  '405': 'method_not_allowed: known path, wrong method; see the Allow header.',
  '409': 'contact_exists (duplicate email) or idempotency_mismatch (key reused with another body).',
  '413': 'payload_too_large: body over 1 MiB.',
  '415': 'unsupported_media_type: the body is not application/json.',
  '422': 'validation_failed: a field fails validation; `param` names it.',
  '429':
    'rate_limited: the workspace is over its rate limit, or this client address is locked out after too many failed ' +
    'authentications (checked before the key is looked up; the message says which). Wait Retry-After seconds.',
  '500': 'internal_error: a bug; report the request id.',
};

const header = (description: string, schema: JsonSchema = { type: 'string' }) => ({ description, schema });

const RATE_LIMIT_HEADERS = {
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
  'X-RateLimit-Limit': { $ref: '#/components/headers/X-RateLimit-Limit' },
  'X-RateLimit-Burst': { $ref: '#/components/headers/X-RateLimit-Burst' },
  'X-RateLimit-Remaining': { $ref: '#/components/headers/X-RateLimit-Remaining' },
  'X-RateLimit-Reset': { $ref: '#/components/headers/X-RateLimit-Reset' },
  RateLimit: { $ref: '#/components/headers/RateLimit' },
  'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
  'X-Workspace-Id': { $ref: '#/components/headers/X-Workspace-Id' },
};

const errors = (...statuses: string[]) =>
  Object.fromEntries(statuses.map((s) => [s, { $ref: `#/components/responses/Error${s}` }]));

// Every /v1 operation behind the key: a bad query or URL, the key, the plan, a wrong method, the
// rate limit (the workspace's, or the client address's after failed keys), a bug.
const COMMON_ERRORS = ['400', '401', '403', '405', '429', '500'];
// Every POST adds body errors and Idempotency-Key's 409; 404 only where the body names an id.
const POST_ERRORS = [...COMMON_ERRORS, '409', '413', '415', '422'];

const success = (description: string, schema: string, extraHeaders: Record<string, unknown> = {}) => ({
  description,
  headers: { ...RATE_LIMIT_HEADERS, ...extraHeaders },
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } },
});

const query = (name: string, description: string, schema: JsonSchema): OpenApiParameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const PAGE_PARAMETERS: OpenApiParameter[] = [
  query('limit', 'Page size, 1 to 100 (default 25). Anything else is 400 with param "limit".', LIMIT_SCHEMA),
  query('starting_after', 'A `next_cursor` from the previous page: the page starts after that item.', {
    type: 'string',
    minLength: 1,
  }),
];

const IDEMPOTENCY_KEY: OpenApiParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Any 1..255 characters (a UUID is ideal). The same key with the same body within 24 h returns the first ' +
    'successful response again, with Idempotent-Replayed: true; with another body it is 409 idempotency_mismatch. ' +
    'Failed requests are not stored, so a corrected request may reuse the key.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

const REPLAYED = {
  'Idempotent-Replayed': header('`true` when this is a stored response replayed for a reused Idempotency-Key.', {
    const: 'true',
  }),
};

const jsonBody = (schema: JsonSchema) => ({ required: true, content: { 'application/json': { schema } } });

/** The public Helplane API v1 as the sandbox serves it; the console's endpoint catalog reads it. */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Helplane API',
    version: '1.0.0',
    description:
      'The Helplane help-desk API, as served by the Helplane sandbox. Send your key in X-API-Key. ' +
      'Lists are newest first with cursor pagination. Each workspace shares a token bucket: 200 burst, ' +
      '100 per minute. This document itself (GET /v1/openapi.json) needs no key and takes no rate-limit token.',
    contact: { name: 'Helplane' },
    // Helplane's API, not an open-source one: its use is under Helplane's terms.
    license: { name: 'Proprietary: Helplane terms of service', identifier: 'LicenseRef-Helplane-Terms' },
  },
  servers: [
    { url: 'https://api.helplane.io', description: 'Production' },
    {
      url: 'http://127.0.0.1:{port}',
      description: 'Local sandbox (port printed at start)',
      variables: {
        port: { default: '4010', description: 'The port the sandbox listens on: the one it printed at start (`--port`).' },
      },
    },
  ],
  tags: [
    { name: 'Conversations', description: 'Conversations with contacts, and their messages.' },
    { name: 'Contacts', description: 'The people a workspace talks to.' },
    { name: 'Messages', description: 'Replies, and new conversations started by a first message.' },
    { name: 'Meta', description: 'This API description.' },
  ],
  security: [{ ApiKey: [] }],
  paths: {
    '/v1/conversations': {
      get: {
        operationId: 'listConversations',
        summary: 'List conversations',
        description: 'Conversations of the key\u2019s workspace, newest first.',
        tags: ['Conversations'],
        parameters: [
          ...PAGE_PARAMETERS,
          query('status', 'Only conversations with this status.', { type: 'string', enum: ['open', 'pending', 'closed'] }),
          query('contact_id', 'Only conversations with this contact.', { type: 'string', minLength: 1 }),
        ],
        responses: { '200': success('A page of conversations.', 'ConversationList'), ...errors(...COMMON_ERRORS) },
      },
    },
    '/v1/conversations/{id}': {
      get: {
        operationId: 'getConversation',
        summary: 'Get conversation details',
        description: 'One conversation with its messages, oldest first.',
        tags: ['Conversations'],
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'The conversation id (cv_…).', schema: { type: 'string' } },
        ],
        responses: {
          '200': success('The conversation and its messages.', 'ConversationDetail'),
          ...errors(...COMMON_ERRORS, '404'),
        },
      },
    },
    '/v1/contacts': {
      get: {
        operationId: 'listContacts',
        summary: 'List contacts',
        description: 'Contacts of the key\u2019s workspace, newest first.',
        tags: ['Contacts'],
        parameters: [
          ...PAGE_PARAMETERS,
          query('email', 'Only the contact with this email (exact, case-insensitive).', {
            type: 'string',
            minLength: 1,
            maxLength: 254,
          }),
          query('q', 'Only contacts whose name or email contains this text (case-insensitive).', {
            type: 'string',
            maxLength: 200,
          }),
        ],
        responses: { '200': success('A page of contacts.', 'ContactList'), ...errors(...COMMON_ERRORS) },
      },
      post: {
        operationId: 'createContact',
        summary: 'Create a contact',
        description: 'Creates a contact; its email must be unique in the workspace (409 contact_exists).',
        tags: ['Contacts'],
        parameters: [IDEMPOTENCY_KEY],
        requestBody: jsonBody(CREATE_CONTACT_SCHEMA),
        responses: { '201': success('The new contact.', 'Contact', REPLAYED), ...errors(...POST_ERRORS) },
        'x-template': { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 555 0100', company: 'Analytical Engines' },
      },
    },
    '/v1/messages': {
      post: {
        operationId: 'sendMessage',
        summary: 'Send a message',
        description:
          'Either a reply, `{conversation_id, body}`, or a new conversation with a contact, ' +
          '`{contact_id, subject, body}`. Unknown conversation or contact ids are 404 with `param` naming the field.',
        tags: ['Messages'],
        parameters: [IDEMPOTENCY_KEY],
        requestBody: jsonBody(CREATE_MESSAGE_SCHEMA),
        responses: { '201': success('The new message.', 'Message', REPLAYED), ...errors(...POST_ERRORS, '404') },
        'x-template': { conversation_id: 'cv_…', body: 'Thanks for your patience, this is fixed now.' },
      },
    },
    '/v1/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This OpenAPI document',
        description: 'The API description. Public: no API key, no rate-limit token.',
        tags: ['Meta'],
        security: [],
        parameters: [],
        responses: {
          '200': { description: 'OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } },
          // Public and outside the rate limit: only a wrong method or a bug can fail it.
          ...errors('405', '500'),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      ApiKey: {
        type: 'apiKey',
        in: 'header',
        name: 'X-API-Key',
        description: 'hl_live_… or hl_test_…, created in the dashboard (or the sandbox admin routes).',
      },
    },
    schemas: COMPONENT_SCHEMAS,
    headers: {
      'X-Request-Id': header('req_<random>; quote it when reporting a problem.'),
      'X-RateLimit-Limit': header('The standard per-minute rate (100).', { type: 'string', pattern: '^\\d+$' }),
      'X-RateLimit-Burst': header('The bucket capacity (200).', { type: 'string', pattern: '^\\d+$' }),
      'X-RateLimit-Remaining': header('Whole tokens left after this request.', { type: 'string', pattern: '^\\d+$' }),
      'X-RateLimit-Reset': header('Unix time (s) at which the bucket is full again.', { type: 'string', pattern: '^\\d+$' }),
      RateLimit: header('"default";r=<remaining>;t=<seconds until full>'),
      'RateLimit-Policy': header('"default";q=100;w=60'),
      'Retry-After': header('On 429: whole seconds until a token is available (at least 1).', {
        type: 'string',
        pattern: '^\\d+$',
      }),
      'X-Workspace-Id': header('The workspace whose budget this key uses.'),
    },
    responses: Object.fromEntries(
      Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [
        `Error${status}`,
        {
          description,
          headers: {
            'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
            ...(status === '429' ? { 'Retry-After': { $ref: '#/components/headers/Retry-After' } } : {}),
            ...(status === '405' ? { Allow: header('The methods this path serves.') } : {}),
          },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    ),
  },
};
