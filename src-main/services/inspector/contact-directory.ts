import type { Contact } from '../../../src-preload/contract';

/** How many contacts the directory keeps (the oldest learned is forgotten first). */
const KEPT = 20_000;

export interface ContactCard {
  name: string;
  email: string;
}

/**
 * The contacts main has already read (searches, export scans), by id: the API looks a contact up
 * only by email or text, so a conversation export names its rows from what is known here before it
 * reads a page of contacts for the rest.
 */
export class ContactDirectory {
  private readonly cards = new Map<string, ContactCard>();

  remember(contacts: readonly Contact[]): void {
    for (const c of contacts) {
      this.cards.delete(c.id);
      this.cards.set(c.id, { name: c.name, email: c.email });
    }
    while (this.cards.size > KEPT) this.cards.delete(this.cards.keys().next().value!);
  }

  get(id: string): ContactCard | undefined {
    return this.cards.get(id);
  }
}
