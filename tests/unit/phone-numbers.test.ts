import { describe, expect, it } from 'vitest';
import { MASKS, maskPhone, redact } from '../../server/identity/redact.js';
import { displayPhone, normalisePhone, parsePhone } from '../../server/lib/phone.js';

describe('normalisePhone: the numbers the intake takes, in E.164 (the intake rules)', () => {
  it.each([
    // Mainland mobiles: 11 digits from 1[3-9], optional +86 / 86 / 0086.
    ['13800138000', '+8613800138000'], ['13812345678', '+8613812345678'], ['+8613812345678', '+8613812345678'],
    ['86 138 1234 5678', '+8613812345678'], ['0086-138-1234-5678', '+8613812345678'], ['+86 (0)138 1234 5678', '+8613812345678'],
    ['１３８１２３４５６７８', '+8613812345678'], ['138.1234.5678', '+8613812345678'], ['19912345678', '+8619912345678'],
    // Mainland landlines with the area code: 010 / 02x + 8 digits, 0[3-9]xx + 7 or 8.
    ['020-12345678', '+862012345678'], ['(020) 1234 5678', '+862012345678'], ['010-87654321', '+861087654321'],
    ['0755-1234567', '+867551234567'], ['0755 1234 5678', '+8675512345678'], ['（0755）12345678', '+8675512345678'],
    ['+86 20 1234 5678', '+862012345678'], ['+86 (0)20 1234 5678', '+862012345678'], ['86-755-1234567', '+867551234567'],
    // Hong Kong +852: 8 digits from 2 3 5 6 7 9.
    ['+852 9123 4567', '+85291234567'], ['+852-2345-6789', '+85223456789'], ['00852 5123 4567', '+85251234567'],
    ['852 9123 4567', '+85291234567'], ['(+852) 6123 4567', '+85261234567'], ['＋８５２ ９１２３ ４５６７', '+85291234567'],
    // Macao +853: 8 digits from 2 or 6.
    ['+853 6612 3456', '+85366123456'], ['+853 2888 1234', '+85328881234'], ['00853-6612-3456', '+85366123456'],
    // Taiwan mobiles +886 9 + 8 digits (the trunk 0 some write after the code is dropped).
    ['+886 912 345 678', '+886912345678'], ['+886-912-345-678', '+886912345678'], ['+886 (0)912 345 678', '+886912345678'],
    ['00886912345678', '+886912345678'],
  ])('takes %s as %s', (typed, e164) => {
    expect(normalisePhone(typed)).toBe(e164);
  });

  it.each([
    ['12345'], [''], ['x'], ['12800138000'], ['1380013800'], ['138001380001'],
    // A bare local number: Hong Kong or Macao? The country code decides.
    ['9123 4567'], ['6612 3456'],
    ['+852 8123 4567'], ['+852 9123 456'], ['+853 5612 3456'], ['+853 6612 34567'],
    ['+886 812 345 678'], ['+886 2 2345 6789'], ['0912 345 678'],
    ['020-1234567'], ['0201234567'], ['0755-123456'], ['0755-123456789'], ['+86 0755'],
    ['+1 212 555 0123'], ['+44 20 7946 0958'], ['13800138000 ext 12'], ['+86+13800138000'], ['00'],
  ])('refuses %s', (typed) => {
    expect(normalisePhone(typed)).toBeNull();
  });

  it('names the region of each number', () => {
    expect(parsePhone('13800138000')?.region).toBe('mainlandMobile');
    expect(parsePhone('020-12345678')?.region).toBe('mainlandLandline');
    expect(parsePhone('+852 9123 4567')?.region).toBe('hongKong');
    expect(parsePhone('+853 6612 3456')?.region).toBe('macao');
    expect(parsePhone('+886 912 345 678')?.region).toBe('taiwan');
  });
});

describe('maskPhone: what a complaint handler sees before opening the contact', () => {
  it.each([
    ['+8613800138000', '138****8000'], ['13800138000', '138****8000'], ['+862012345678', '020****5678'],
    ['+8675512345678', '075****5678'], ['+85291234567', '+852 ****4567'], ['+85366123456', '+853 ****3456'],
    ['+886912345678', '+886 ****5678'],
  ])('%s → %s', (stored, masked) => {
    expect(maskPhone(stored)).toBe(masked);
  });
});

describe('redaction catches Hong Kong, Macao, Taiwan and landline numbers as people write them', () => {
  const m = MASKS;
  it.each([
    '+852 9123 4567', '+852-9123-4567', '(852) 9123 4567', '(+852) 9123-4567', '00852 9123 4567', '852 9123 4567', '+85291234567',
    '+852 2345 6789', '+853 6612 3456', '+853-2888-1234', '(853) 6612 3456', '+886 912 345 678', '+886-912-345-678',
    '+886 2 2345 6789', '0912-345-678', '0912 345 678',
    '020-12345678', '020 1234 5678', '(020)12345678', '（020）12345678', '0755-1234567', '0755 1234 5678', '0755-12345678',
    '+86 20 1234 5678', '+86-755-1234-5678', '86-20-12345678',
  ])('masks %s whole', (typed) => {
    const shown = redact(`请联系${typed}。`);
    expect(shown).not.toMatch(/\d{3}/);
    expect([`请联系${m.landline}。`, `请联系${m.mobile}。`]).toContain(shown);
  });

  it.each([
    ['香港電話 9123 4567', `香港電話 ${m.landline}`],
    ['聯絡電話：6612 3456', `聯絡電話：${m.landline}`],
    ['手機 9123-4567', `手機 ${m.landline}`],
    ['流動電話 5123 4567', `流動電話 ${m.landline}`],
    ['澳門手提電話 6612 3456', `澳門手提電話 ${m.landline}`],
    ['行動電話 0912 345 678', `行動電話 ${m.landline}`],
    ['請致電 2345 6789', `請致電 ${m.landline}`],
  ])('masks a labelled local number written in Traditional Chinese: %s', (typed, shown) => {
    expect(redact(typed)).toBe(shown);
  });

  it('leaves dates, amounts and unlabelled 8-digit numbers alone', () => {
    for (const text of ['2026年11月20日花了128元', '編號 87654321', '批號 20261120', '訂單 12345678']) expect(redact(text)).toBe(text);
  });
});

describe('displayPhone: a stored number as staff dial it', () => {
  it.each([
    ['+8613812345678', '13812345678'], ['+862012345678', '020-12345678'], ['+861087654321', '010-87654321'],
    ['+867551234567', '0755-1234567'], ['+8675512345678', '0755-12345678'], ['+85291234567', '+852 9123 4567'],
    ['+85366123456', '+853 6612 3456'], ['+886912345678', '+886 912 345 678'], ['13800138000', '13800138000'],
  ])('%s → %s', (stored, shown) => {
    expect(displayPhone(stored)).toBe(shown);
  });
  it('masks what it shows like the stored number', () => {
    for (const stored of ['+8613812345678', '+862012345678', '+85291234567', '+886912345678']) {
      expect(maskPhone(displayPhone(stored))).toBe(maskPhone(stored));
    }
  });
});
