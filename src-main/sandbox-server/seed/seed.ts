import type { Channel, Contact, Conversation, ConversationStatus, Message, Workspace } from '../db/model';
import { mulberry32, type Prng } from './prng';
import {
  AGENTS,
  AGENT_LINES,
  COMPANIES,
  CONTACT_LINES,
  FIRST_NAMES,
  LAST_NAMES,
  OPENING_LINES,
  SUBJECTS,
  TAGS,
} from './seed-words';
import { toRfc3339 } from '../db/time';

// The spec's sizes: ws_acme 500 contacts and 2,000 conversations; ws_tiny a handful.
export const ACME_CONTACT_COUNT = 500;
export const ACME_CONVERSATION_COUNT = 2_000;
export const TINY_CONTACT_COUNT = 5;
export const TINY_CONVERSATION_COUNT = 8;
export const DEFAULT_SEED = 1;

/** Seed timestamps count back from a fixed instant, not from "now", so a seed always gives the same data. */
const SEED_EPOCH_MS = Date.UTC(2025, 5, 1);
const DAY_MS = 24 * 60 * 60 * 1000;
const ID_CHARS = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];

export interface SeededWorkspace {
  workspace: Workspace;
  /** Newest first. */
  contacts: Contact[];
  /** Newest first. */
  conversations: Conversation[];
  /** Grouped by conversation, each group oldest first (the order they are inserted in). */
  messages: Message[];
}

/** An agent's author id, stable for a name: `ag_maya_lopez`. */
const agentId = (name: string): string => `ag_${name.toLowerCase().replace(/[^a-z]+/g, '_')}`;

/** The conversation's messages: evenly spread from its creation to its last message. */
function seedMessages(
  rng: Prng,
  newId: (prefix: string) => string,
  conversation: Conversation,
  contact: { id: string; name: string },
  createdAt: number,
  lastMessageAt: number,
): Message[] {
  const count = conversation.message_count;
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const at = count === 1 ? createdAt : createdAt + Math.round((i * (lastMessageAt - createdAt)) / (count - 1));
    const fromContact = i % 2 === 0;
    const agent = conversation.assignee ?? rng.pick(AGENTS);
    const author: Message['author'] =
      i === 0 && conversation.channel === 'api'
        ? { type: 'api', id: 'key_seed_import', name: 'Seed import' }
        : fromContact
          ? { type: 'contact', id: contact.id, name: contact.name }
          : { type: 'agent', id: agentId(agent), name: agent };
    const body = i === 0 ? rng.pick(OPENING_LINES) : rng.pick(fromContact ? CONTACT_LINES : AGENT_LINES);
    messages.push({
      id: newId('msg'),
      object: 'message',
      conversation_id: conversation.id,
      author,
      body,
      created_at: toRfc3339(at),
    });
  }
  return messages;
}

function idFactory(rng: Prng, used: Set<string>) {
  return (prefix: string): string => {
    for (;;) {
      let body = '';
      for (let i = 0; i < 14; i++) body += rng.pick(ID_CHARS);
      const id = `${prefix}_${body}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
}

function pickTags(rng: Prng): string[] {
  const count = rng.int(0, 3);
  const tags = new Set<string>();
  while (tags.size < count) tags.add(rng.pick(TAGS));
  return [...tags];
}

function pickStatus(rng: Prng): ConversationStatus {
  const roll = rng.next();
  return roll < 0.5 ? 'closed' : roll < 0.8 ? 'open' : 'pending';
}

interface Draft<T> {
  sortKey: number;
  value: T;
}

/** Newest first; ids break ties so the order is total (cursors rely on it). */
function newestFirst<T extends { id: string }>(drafts: Draft<T>[]): T[] {
  return drafts
    .sort((a, b) => b.sortKey - a.sortKey || (a.value.id < b.value.id ? 1 : -1))
    .map((d) => d.value);
}

function seedWorkspace(
  rng: Prng,
  newId: (prefix: string) => string,
  workspace: Workspace,
  contactCount: number,
  conversationCount: number,
): SeededWorkspace {
  const contactTimes = new Map<string, number>();
  const lastActivity = new Map<string, number>();
  const counts = new Map<string, number>();
  const contacts: Array<Omit<Contact, 'conversation_count' | 'updated_at'>> = [];
  for (let i = 0; i < contactCount; i++) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const createdAt = SEED_EPOCH_MS - rng.int(2 * DAY_MS, 365 * DAY_MS);
    const id = newId('ct');
    contactTimes.set(id, createdAt);
    contacts.push({
      id,
      object: 'contact',
      name: `${first} ${last}`,
      email: `${first}.${last}${i + 1}@example.com`.toLowerCase(),
      phone: rng.chance(0.6) ? `+1555${String(rng.int(0, 9_999_999)).padStart(7, '0')}` : null,
      company: rng.chance(0.5) ? rng.pick(COMPANIES) : null,
      created_at: toRfc3339(createdAt),
    });
  }

  const conversations: Draft<Conversation>[] = [];
  const messagesByConversation = new Map<string, Message[]>();
  for (let i = 0; i < conversationCount; i++) {
    const contact = rng.pick(contacts);
    const contactCreated = contactTimes.get(contact.id) ?? SEED_EPOCH_MS - DAY_MS;
    const createdAt = rng.int(contactCreated + 60_000, SEED_EPOCH_MS - DAY_MS);
    const messageCount = rng.int(1, 12);
    // A single message is both the first and the last one.
    const lastMessageAt =
      messageCount === 1 ? createdAt : createdAt + rng.int(60_000, Math.min(14 * DAY_MS, SEED_EPOCH_MS - createdAt));
    const updatedAt = Math.min(SEED_EPOCH_MS, lastMessageAt + rng.int(0, 3_600_000));
    const status = pickStatus(rng);
    const channel: Channel = rng.pick(['email', 'chat', 'api'] as const);
    const conversation: Conversation = {
      id: newId('cv'),
      object: 'conversation',
      subject: rng.pick(SUBJECTS),
      status,
      channel,
      contact_id: contact.id,
      assignee: status === 'open' && rng.chance(0.3) ? null : rng.pick(AGENTS),
      tags: pickTags(rng),
      message_count: messageCount,
      created_at: toRfc3339(createdAt),
      updated_at: toRfc3339(updatedAt),
      last_message_at: toRfc3339(lastMessageAt),
    };
    conversations.push({ sortKey: createdAt, value: conversation });
    messagesByConversation.set(
      conversation.id,
      seedMessages(rng, newId, conversation, contact, createdAt, lastMessageAt),
    );
    counts.set(contact.id, (counts.get(contact.id) ?? 0) + 1);
    lastActivity.set(contact.id, Math.max(lastActivity.get(contact.id) ?? 0, updatedAt));
  }

  const finished = contacts.map((c) => {
    const created = contactTimes.get(c.id) ?? SEED_EPOCH_MS;
    return {
      sortKey: created,
      value: {
        ...c,
        conversation_count: counts.get(c.id) ?? 0,
        updated_at: toRfc3339(Math.max(created, lastActivity.get(c.id) ?? 0)),
      },
    };
  });
  const ordered = newestFirst(conversations);
  // Oldest conversation first, as they will be inserted.
  const messages = [...ordered].reverse().flatMap((c) => messagesByConversation.get(c.id) ?? []);
  return { workspace, contacts: newestFirst(finished), conversations: ordered, messages };
}

// Generating ~20,000 records takes tens of milliseconds; tests build many sandboxes from one seed.
const cache = new Map<number, readonly SeededWorkspace[]>();

/** The deterministic seed data for a given seed. Shared between callers: read it, never mutate it. */
export function generateSeed(seed: number = DEFAULT_SEED): readonly SeededWorkspace[] {
  let seeded = cache.get(seed);
  if (!seeded) {
    if (cache.size >= 4) cache.clear();
    seeded = buildSeed(seed);
    cache.set(seed, seeded);
  }
  return seeded;
}

function buildSeed(seed: number): SeededWorkspace[] {
  const rng = mulberry32(seed);
  const newId = idFactory(rng, new Set());
  return [
    seedWorkspace(
      rng,
      newId,
      { id: 'ws_acme', name: 'Acme Support', plan: 'growth' },
      ACME_CONTACT_COUNT,
      ACME_CONVERSATION_COUNT,
    ),
    seedWorkspace(
      rng,
      newId,
      { id: 'ws_tiny', name: 'Tiny Shop', plan: 'starter' },
      TINY_CONTACT_COUNT,
      TINY_CONVERSATION_COUNT,
    ),
  ];
}
