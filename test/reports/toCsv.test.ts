// CSV export: RFC 4180 quoting, CRLF, BOM, lists joined, and spreadsheet formula injection defused.
import { describe, expect, it } from 'vitest';
import { csvField, guardFormula, toCsv } from '../../reports/csv/toCsv.ts';

describe('toCsv', () => {
  const rows = [
    { id: 'b1', risk: 0.8, reasons: ['many "not received" claims', 'linked, to b3'] },
    { id: '=HYPERLINK("http://evil")', risk: -1.5, reasons: [] },
  ];
  const csv = toCsv(
    [
      { header: 'buyer_id', value: (r: (typeof rows)[number]) => r.id },
      { header: 'risk', value: (r: (typeof rows)[number]) => r.risk },
      { header: 'reasons', value: (r: (typeof rows)[number]) => r.reasons },
    ],
    rows,
  );

  it('starts with a UTF-8 BOM, quotes every field, doubles inner quotes and ends lines with CRLF', () => {
    expect(csv).toBe(
      '\uFEFF"buyer_id","risk","reasons"\r\n' +
        '"b1","0.8","many ""not received"" claims | linked, to b3"\r\n' +
        '"\'=HYPERLINK(""http://evil"")","-1.5",""\r\n',
    );
  });

  it('can leave out the BOM', () => {
    expect(toCsv([{ header: 'a', value: () => 1 }], [{}], { bom: false })).toBe('"a"\r\n"1"\r\n');
  });

  it('keeps newlines inside a quoted field', () => {
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
  });

  it('prefixes text starting with = + - @ tab or CR with an apostrophe, never numbers', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'safe', '鲜果'].map(guardFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'safe',
      '鲜果',
    ]);
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField(null)).toBe('""');
    expect(csvField(Number.NaN)).toBe('""');
    expect(csvField(true)).toBe('"true"');
  });
});
