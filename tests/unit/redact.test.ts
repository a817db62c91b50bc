import { describe, expect, it } from 'vitest';
import { MASKS, maskPhone, redact } from '../../server/identity/redact.js';

describe('redact', () => {
  it('masks an ID number that passes the checksum', () => {
    expect(redact('身份证 11010519491231002X 的人')).toBe(`身份证 ${MASKS.idNumber} 的人`);
  });
  it('keeps an 18-digit order number that fails the ID checksum', () => {
    expect(redact('订单号 340524198001010013')).toBe('订单号 340524198001010013');
  });
  it('masks mobile numbers, with and without separators or +86', () => {
    expect(redact('电话13800138000')).toBe(`电话${MASKS.mobile}`);
    expect(redact('call +86 138-0013-8000 now')).toBe(`call ${MASKS.mobile} now`);
  });
  it('masks landlines', () => {
    expect(redact('座机 020-87654321 或 (0755)12345678')).toBe(`座机 ${MASKS.landline} 或 ${MASKS.landline}`);
  });
  it('masks e-mail addresses', () => {
    expect(redact('写信到 zhang.san@example.com.cn 吧')).toBe(`写信到 ${MASKS.email} 吧`);
  });
  it('masks bank cards that pass Luhn and keeps ones that do not', () => {
    expect(redact('卡号 4111 1111 1111 1111')).toBe(`卡号 ${MASKS.bankCard}`);
    expect(redact('卡号 4111111111111112')).toBe('卡号 4111111111111112');
  });
  it("masks the reporter's own name wherever it is typed", () => {
    expect(redact('我叫张三，张三是我', ['张三'])).toBe(`我叫${MASKS.name}，${MASKS.name}是我`);
    expect(redact('Zhang San here', ['zhang san'])).toBe(`${MASKS.name} here`);
  });
  it('leaves dates, prices and short numbers alone', () => {
    const text = '2026年11月20日花了128元买了3盒，批号20261120';
    expect(redact(text)).toBe(text);
  });
  it('shows a masked contact', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
