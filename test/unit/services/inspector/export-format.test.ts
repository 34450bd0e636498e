import { describe, expect, it } from 'vitest';
import { csvCell, csvHeader, csvRow, jsonRow } from '../../../../src-main/services/inspector/export-format';

describe('CSV export format', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['vip', 'billing'])).toBe('vip;billing');
  });

  it.each(['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)'])('defuses a formula-looking cell %j', (value) => {
    expect(csvCell(value).replace(/^"/, '')).toMatch(/^'/);
  });

  it('writes the header and rows in the same column order', () => {
    const header = csvHeader('contacts').trim().split(',');
    const row = csvRow('contacts', {
      id: 'ct_1', name: 'Ada, Countess', email: 'ada@example.com', phone: null, company: 'Analytical', conversation_count: 3,
      created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-02T00:00:00Z',
    });
    expect(header[0]).toBe('id');
    expect(row).toBe('ct_1,"Ada, Countess",ada@example.com,,Analytical,3,2025-01-01T00:00:00Z,2025-01-02T00:00:00Z\r\n');
  });

  it('streams JSON rows that form one valid array', () => {
    const text = `[\n${jsonRow({ a: 1 }, true)}${jsonRow({ b: '2' }, false)}\n]\n`;
    expect(JSON.parse(text)).toEqual([{ a: 1 }, { b: '2' }]);
  });
});
