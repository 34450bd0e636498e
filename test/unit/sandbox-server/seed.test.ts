import { describe, expect, it } from 'vitest';
import {
  ACME_CONTACT_COUNT,
  ACME_CONVERSATION_COUNT,
  generateSeed,
} from '../../../src-main/sandbox-server/seed/seed';

const RFC3339_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function workspace(seed: number, id: string) {
  const found = generateSeed(seed).find((s) => s.workspace.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('seed data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateSeed(7)).toEqual(generateSeed(7));
    expect(workspace(7, 'ws_acme').conversations[0]).not.toEqual(workspace(8, 'ws_acme').conversations[0]);
  });

  it('has ws_acme on growth with its contacts and conversations, and a few for ws_tiny on starter', () => {
    const acme = workspace(1, 'ws_acme');
    expect(acme.workspace).toEqual({ id: 'ws_acme', name: 'Acme Support', plan: 'growth' });
    expect(acme.contacts).toHaveLength(ACME_CONTACT_COUNT);
    expect(acme.conversations).toHaveLength(ACME_CONVERSATION_COUNT);
    const tiny = workspace(1, 'ws_tiny');
    expect(tiny.workspace).toEqual({ id: 'ws_tiny', name: 'Tiny Shop', plan: 'starter' });
    expect(tiny.conversations.length).toBeGreaterThan(0);
  });

  it('shapes conversations exactly as the spec, newest first, pointing at the workspace contacts', () => {
    for (const id of ['ws_acme', 'ws_tiny']) {
      const { contacts, conversations } = workspace(1, id);
      const contactIds = new Set(contacts.map((c) => c.id));
      for (const c of conversations) {
        expect(Object.keys(c).sort()).toEqual([
          'assignee', 'channel', 'contact_id', 'created_at', 'id', 'last_message_at',
          'message_count', 'object', 'status', 'subject', 'tags', 'updated_at',
        ]);
        expect(c.id).toMatch(/^cv_/);
        expect(c.object).toBe('conversation');
        expect(['open', 'pending', 'closed']).toContain(c.status);
        expect(['email', 'chat', 'api']).toContain(c.channel);
        expect(contactIds.has(c.contact_id)).toBe(true);
        expect(c.message_count).toBeGreaterThanOrEqual(1);
        for (const t of [c.created_at, c.updated_at, c.last_message_at]) expect(t).toMatch(RFC3339_UTC);
        expect(c.last_message_at >= c.created_at).toBe(true);
        expect(c.updated_at >= c.last_message_at).toBe(true);
      }
      const created = conversations.map((c) => c.created_at);
      expect([...created].sort().reverse()).toEqual(created);
    }
  });

  it('shapes contacts exactly as the spec, with counts matching their conversations', () => {
    const { contacts, conversations } = workspace(1, 'ws_acme');
    const emails = new Set<string>();
    for (const c of contacts) {
      expect(Object.keys(c).sort()).toEqual(
        ['company', 'conversation_count', 'created_at', 'email', 'id', 'name', 'object', 'phone', 'updated_at'],
      );
      expect(c.id).toMatch(/^ct_/);
      expect(c.email).toMatch(/^[^@\s]+@[^@\s]+$/);
      emails.add(c.email);
      expect(c.conversation_count).toBe(conversations.filter((v) => v.contact_id === c.id).length);
      expect(c.created_at).toMatch(RFC3339_UTC);
      expect(c.updated_at >= c.created_at).toBe(true);
    }
    expect(emails.size).toBe(contacts.length);
  });

  it('gives each conversation message_count messages, oldest first, by its contact, agents or the API', () => {
    for (const { contacts, conversations, messages } of generateSeed(1)) {
      const byConversation = new Map<string, Array<(typeof messages)[number]>>();
      for (const m of messages) byConversation.set(m.conversation_id, [...(byConversation.get(m.conversation_id) ?? []), m]);
      const contactIds = new Set(contacts.map((c) => c.id));
      expect(messages.length).toBe(conversations.reduce((n, c) => n + c.message_count, 0));
      for (const c of conversations) {
        const own = byConversation.get(c.id) ?? [];
        expect(own).toHaveLength(c.message_count);
        expect(own[0]!.created_at).toBe(c.created_at);
        expect(own.at(-1)!.created_at).toBe(c.last_message_at);
        for (const m of own) {
          expect(m.id).toMatch(/^msg_/);
          expect(m.body.length).toBeGreaterThan(0);
          if (m.author.type === 'contact') expect(m.author.id).toBe(c.contact_id);
          else if (m.author.type === 'agent') expect(m.author.id).toMatch(/^ag_/);
          else expect(c.channel).toBe('api');
          expect(contactIds.has(c.contact_id)).toBe(true);
        }
      }
    }
  });

  it('gives every id once across workspaces', () => {
    const ids = generateSeed(1).flatMap((s) => [...s.contacts, ...s.conversations, ...s.messages].map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
