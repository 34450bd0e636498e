import type { Channel, Contact, Conversation, ConversationStatus, Workspace } from './model';
import { mulberry32, type Prng } from './prng';
import { AGENTS, COMPANIES, FIRST_NAMES, LAST_NAMES, SUBJECTS, TAGS } from './seed-words';
import { toRfc3339 } from './time';

// Thin-slice sizes; the spec's full seed (500 contacts, 2,000 conversations) comes with SQLite.
export const ACME_CONTACT_COUNT = 50;
export const ACME_CONVERSATION_COUNT = 200;
export const TINY_CONTACT_COUNT = 3;
export const TINY_CONVERSATION_COUNT = 4;
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
  for (let i = 0; i < conversationCount; i++) {
    const contact = rng.pick(contacts);
    const contactCreated = contactTimes.get(contact.id) ?? SEED_EPOCH_MS - DAY_MS;
    const createdAt = rng.int(contactCreated + 60_000, SEED_EPOCH_MS - DAY_MS);
    const lastMessageAt = createdAt + rng.int(0, Math.min(14 * DAY_MS, SEED_EPOCH_MS - createdAt));
    const updatedAt = Math.min(SEED_EPOCH_MS, lastMessageAt + rng.int(0, 3_600_000));
    const status = pickStatus(rng);
    const channel: Channel = rng.pick(['email', 'chat', 'api'] as const);
    conversations.push({
      sortKey: createdAt,
      value: {
        id: newId('cv'),
        object: 'conversation',
        subject: rng.pick(SUBJECTS),
        status,
        channel,
        contact_id: contact.id,
        assignee: status === 'open' && rng.chance(0.3) ? null : rng.pick(AGENTS),
        tags: pickTags(rng),
        message_count: rng.int(1, 12),
        created_at: toRfc3339(createdAt),
        updated_at: toRfc3339(updatedAt),
        last_message_at: toRfc3339(lastMessageAt),
      },
    });
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
  return { workspace, contacts: newestFirst(finished), conversations: newestFirst(conversations) };
}

/** The deterministic seed data for a given seed. */
export function generateSeed(seed: number = DEFAULT_SEED): SeededWorkspace[] {
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
