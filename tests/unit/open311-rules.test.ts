/** Open311's pure rules: the XML escaping, the reporter's name, the region prefix, the status and time formats. */
import { describe, expect, it } from 'vitest';
import { regionPrefix } from '../../server/open311/open311.service.js';
import { open311Status, w3c } from '../../server/open311/request-map.js';
import { reporterName } from '../../server/open311/submission-map.js';
import { escapeXml, toXml } from '../../server/open311/xml.js';

describe('Open311 rules', () => {
  it('escapes the XML specials and drops what XML 1.0 cannot carry', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
    expect(escapeXml('x\uD800y😀')).toBe('xy😀');
    expect(toXml('errors', [{ code: 400, description: 'a < b' }, { code: 400, description: null }]))
      .toBe('<?xml version="1.0" encoding="utf-8"?>\n<errors><error><code>400</code><description>a &lt; b</description></error><error><code>400</code><description/></error></errors>\n');
  });

  it('puts a Chinese name family name first, a Latin one given name first', () => {
    expect(reporterName('三', '张')).toBe('张三');
    expect(reporterName(undefined, '欧阳娜娜')).toBe('欧阳娜娜');
    expect(reporterName('Wei', 'Li')).toBe('Wei Li');
    expect(reporterName(undefined, undefined)).toBeUndefined();
  });

  it('reads a region and everything under it by code prefix', () => {
    expect(regionPrefix('440000')).toBe('44');
    expect(regionPrefix('440100')).toBe('4401');
    expect(regionPrefix('440106')).toBe('440106');
  });

  it('maps statuses and writes W3C times in +08:00', () => {
    expect(open311Status('closed')).toBe('closed');
    expect(open311Status('merged')).toBe('closed');
    expect(open311Status('received')).toBe('open');
    expect(open311Status('mediating')).toBe('open');
    expect(w3c('2026-11-26T10:00:00.123+08:00')).toBe('2026-11-26T10:00:00+08:00');
    expect(w3c('2026-11-26T02:00:00Z')).toBe('2026-11-26T10:00:00+08:00');
  });
});
