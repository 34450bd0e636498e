import { describe, expect, it } from 'vitest';
import { maskEmail, maskName, maskPhone, maskText } from '../../../src-preload/contract/personal-data-mask';

describe('personal data mask', () => {
  it('keeps the first character and the domain of an email', () => {
    expect(maskEmail('jane.doe@acme.com')).toBe('j•••@acme.com');
    expect(maskEmail('not-an-email')).toBe('n•••');
  });

  it('keeps the first letter of each word of a name', () => {
    expect(maskName('Jane Doe')).toBe('J••• D•••');
    expect(maskName('Ólafur')).toBe('Ó•••');
  });

  it('keeps only the last two digits of a phone number, and its separators', () => {
    expect(maskPhone('+1 555 010 0112')).toBe('+• ••• ••• ••12');
    expect(maskPhone('12')).toBe('12');
  });

  it('masks the emails and phone numbers inside free text and leaves other numbers', () => {
    const masked = maskText('Call me at +44 20 7946 0958 or write to jane@acme.com about order 12345.');
    expect(masked).not.toContain('jane@acme.com');
    expect(masked).not.toContain('7946');
    expect(masked).toContain('j•••@acme.com');
    expect(masked).toContain('order 12345');
    expect(masked).toMatch(/58 or write/);
  });
});
