/**
 * Mask personal data (Inspector views and exports, "Mask personal data"): one rule for both sides, so
 * what the window shows masked and what an export writes masked never differ. Pure functions, no
 * Node or DOM: the renderer masks what it shows, main masks what it writes.
 *
 * The shape kept is what a support agent needs to tell records apart without reading them:
 * an email keeps its first character and its domain (`j•••@acme.com`), a name the first letter of
 * each word (`J••• D••`), a phone number its last two digits (`+•• ••• •••• ••12`).
 */

export const MASK = '•••';

/** `jane.doe@acme.com` → `j•••@acme.com`; text that is not an email is masked as a name. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return maskName(email);
  return `${Array.from(email)[0]}${MASK}${email.slice(at)}`;
}

/** `Jane Doe` → `J••• D•••`: each word keeps its first letter; the length of a word is not shown beyond it. */
export function maskName(name: string): string {
  return name.replace(/\S+/gu, (word) => `${Array.from(word)[0]}${MASK}`);
}

/** `+1 555 010 0112` → `+• ••• ••• ••12`: every digit but the last two becomes •; separators stay. */
export function maskPhone(phone: string): string {
  const total = (phone.match(/\d/g) ?? []).length;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => (++seen > total - 2 ? digit : '•'));
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** A run that reads as a phone number: an optional +, then at least 7 digits with spaces, dots, dashes or brackets between. */
const PHONE_IN_TEXT = /\+?\(?\d(?:[\d\s().-]{5,}\d)/g;

/** Free text (a message body, a subject): every email and phone number in it masked; other words kept. */
export function maskText(text: string): string {
  return text.replace(EMAIL_IN_TEXT, (email) => maskEmail(email)).replace(PHONE_IN_TEXT, (run) => ((run.match(/\d/g) ?? []).length >= 7 ? maskPhone(run) : run));
}
