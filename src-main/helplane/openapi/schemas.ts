import { BODY_MAX, EMAIL_MAX, MAX_LIMIT, NAME_MAX, SUBJECT_MAX } from '../limits';

/** A JSON Schema (2020-12) object, as OpenAPI 3.1 embeds it. */
export type JsonSchema = { [keyword: string]: unknown };

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const timestamp = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const nullableString = (description: string): JsonSchema => ({ type: ['string', 'null'], description });

/** Kept loose on purpose: the same check the sandbox applies to a new contact. */
const EMAIL_PATTERN = '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$';

const CONVERSATION_PROPERTIES: Record<string, JsonSchema> = {
  id: { type: 'string', pattern: '^cv_', description: 'Opaque id.' },
  object: { const: 'conversation' },
  subject: { type: 'string' },
  status: { enum: ['open', 'pending', 'closed'] },
  channel: { enum: ['email', 'chat', 'api'] },
  contact_id: { type: 'string', pattern: '^ct_' },
  assignee: nullableString('Name of the assigned agent, or null.'),
  tags: { type: 'array', items: { type: 'string' } },
  message_count: { type: 'integer', minimum: 0 },
  created_at: timestamp('RFC 3339 UTC.'),
  updated_at: timestamp('RFC 3339 UTC.'),
  last_message_at: timestamp('RFC 3339 UTC.'),
};

const list = (item: string): JsonSchema => ({
  type: 'object',
  additionalProperties: false,
  required: ['object', 'data', 'has_more', 'next_cursor'],
  properties: {
    object: { const: 'list' },
    data: { type: 'array', items: ref(item) },
    has_more: { type: 'boolean' },
    next_cursor: {
      type: ['string', 'null'],
      description: 'Pass as starting_after to get the next page; null on the last page.',
    },
  },
});

/** Response schemas, under `components.schemas`. */
export const COMPONENT_SCHEMAS: Record<string, JsonSchema> = {
  Contact: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'object', 'name', 'email', 'phone', 'company', 'conversation_count', 'created_at', 'updated_at'],
    properties: {
      id: { type: 'string', pattern: '^ct_', description: 'Opaque id.' },
      object: { const: 'contact' },
      name: { type: 'string', minLength: 1, maxLength: NAME_MAX },
      email: { type: 'string', pattern: EMAIL_PATTERN },
      phone: nullableString('Phone number, or null.'),
      company: nullableString('Company name, or null.'),
      conversation_count: { type: 'integer', minimum: 0 },
      created_at: timestamp('RFC 3339 UTC.'),
      updated_at: timestamp('RFC 3339 UTC.'),
    },
  },
  Conversation: {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(CONVERSATION_PROPERTIES),
    properties: CONVERSATION_PROPERTIES,
  },
  ConversationDetail: {
    type: 'object',
    additionalProperties: false,
    required: [...Object.keys(CONVERSATION_PROPERTIES), 'messages'],
    properties: {
      ...CONVERSATION_PROPERTIES,
      messages: { type: 'array', items: ref('Message'), description: 'Oldest first.' },
    },
  },
  Message: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'object', 'conversation_id', 'author', 'body', 'created_at'],
    properties: {
      id: { type: 'string', pattern: '^msg_' },
      object: { const: 'message' },
      conversation_id: { type: 'string', pattern: '^cv_' },
      author: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'id', 'name'],
        properties: {
          type: { enum: ['contact', 'agent', 'api'], description: '`api`: sent through the API by the key `id`.' },
          id: { type: 'string' },
          name: { type: 'string' },
        },
      },
      body: { type: 'string', minLength: 1, maxLength: BODY_MAX },
      created_at: timestamp('RFC 3339 UTC.'),
    },
  },
  ContactList: list('Contact'),
  ConversationList: list('Conversation'),
  Error: {
    type: 'object',
    additionalProperties: false,
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'code', 'message', 'param', 'request_id'],
        properties: {
          type: {
            enum: [
              'invalid_request',
              'authentication_error',
              'permission_error',
              'conflict',
              'validation_error',
              'rate_limit_error',
              'api_error',
            ],
          },
          code: { type: 'string', description: 'Machine-readable, e.g. `revoked_api_key`.' },
          message: { type: 'string', minLength: 1, description: 'A human sentence saying what to do.' },
          param: { type: ['string', 'null'], description: 'The parameter or field at fault, if any.' },
          request_id: { type: 'string', pattern: '^req_' },
        },
      },
    },
  },
};

/** Request bodies, inline in each operation so a client needs no $ref resolution to validate. */
export const CREATE_CONTACT_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'email'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: NAME_MAX, description: 'Full name.' },
    email: {
      type: 'string',
      maxLength: EMAIL_MAX,
      pattern: EMAIL_PATTERN,
      description: 'Unique per workspace, compared case-insensitively.',
    },
    phone: { type: ['string', 'null'], pattern: '^[0-9+() .-]{3,40}$', description: 'Optional phone number.' },
    company: { type: ['string', 'null'], minLength: 1, maxLength: NAME_MAX, description: 'Optional company.' },
  },
};

const messageBody: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: BODY_MAX,
  description: `The message text, 1 to ${BODY_MAX} characters.`,
};

export const CREATE_MESSAGE_SCHEMA: JsonSchema = {
  oneOf: [
    {
      title: 'Reply',
      type: 'object',
      additionalProperties: false,
      required: ['conversation_id', 'body'],
      properties: {
        conversation_id: { type: 'string', minLength: 1, description: 'The conversation to reply in.' },
        body: messageBody,
      },
    },
    {
      title: 'New conversation',
      type: 'object',
      additionalProperties: false,
      required: ['contact_id', 'subject', 'body'],
      properties: {
        contact_id: { type: 'string', minLength: 1, description: 'The contact the conversation is with.' },
        subject: { type: 'string', minLength: 1, maxLength: SUBJECT_MAX, description: 'Subject of the new conversation.' },
        body: messageBody,
      },
    },
  ],
};

export const LIMIT_SCHEMA: JsonSchema = { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 25 };
