import type { Contact, ContactScanBy } from '../../../src-preload/contract';

const digits = (text: string) => text.replace(/\D/g, '');

/**
 * Does this contact match a scan? Company: a case-insensitive part of its name. Phone: the digits
 * typed appear in the contact's number whatever the separators (`555 0101` finds `+1-555-0101`).
 * Id: exactly.
 */
export function contactMatcher(by: ContactScanBy, value: string): (contact: Contact) => boolean {
  const wanted = value.trim();
  if (by === 'id') return (c) => c.id === wanted;
  if (by === 'company') {
    const lower = wanted.toLocaleLowerCase('en');
    return (c) => c.company !== null && c.company.toLocaleLowerCase('en').includes(lower);
  }
  const typed = digits(wanted);
  return (c) => typed.length > 0 && c.phone !== null && digits(c.phone).includes(typed);
}
