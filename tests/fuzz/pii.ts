/**
 * Generators of personal data as people type it (issue 13 item 4): each kind — mainland mobile,
 * landline, Hong Kong / Macao / Taiwan numbers, resident ID number with a valid check, Luhn card,
 * labelled card failing Luhn, e-mail, the reporter's own name, a self-identified name — in each
 * spelling (full-width, separators, letters adjacent, brackets …). Each value carries its needle:
 * what must not be found on any staff surface once separators are taken out.
 */
import fc from 'fast-check';
import { passesLuhn } from '../../server/lib/identifiers.js';

export interface Pii {
  kind: PiiKind;
  /** As typed into the submission. */
  typed: string;
  /** Digits (numbers), the local part (e-mail) or the characters (names) that must not survive. */
  needle: string;
  /** The reporter's own name, given in the reporter block of a named complaint. */
  ownName?: string;
}

export const NUMBER_SPELLINGS = ['plain', 'full-width', 'spaces', 'dots', 'slashes', 'dashes', 'underscores',
  'ideographic spaces', 'zero-width', 'brackets', 'letters adjacent', 'full-width dashes'] as const;
export type NumberSpelling = (typeof NUMBER_SPELLINGS)[number];
export const EMAIL_SPELLINGS = ['plain', 'full-width @', 'all full-width', 'spaced @', '(at)', 'letters adjacent'] as const;
export const NAME_SPELLINGS = ['plain', 'space', 'ideographic space', 'middle dot', 'spaces between all'] as const;

const toFullWidth = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const digitsOf = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
// Lower case or two letters: "Q6290220017012931Q" (one capital each side) is a well-formed credit
// code that passes its check 1 time in 31, and credit codes are kept.
const letters = fc.constantFrom('a', 'x', 'ID', 'tel', 'No', 'k', 'q');

/** Cuts `digits` into groups of the given sizes (the last takes the rest) and joins them as spelled. */
export function spellNumber(digits: string, sizes: number[], spelling: NumberSpelling, lead = 'a', tail = 'b'): string {
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= digits.length) break;
    groups.push(digits.slice(at, at + size));
    at += size;
  }
  if (at < digits.length) groups.push(digits.slice(at));
  const join = (sep: string) => groups.join(sep);
  switch (spelling) {
    case 'plain': return digits;
    case 'full-width': return toFullWidth(digits);
    case 'spaces': return join(' ');
    case 'dots': return join('.');
    case 'slashes': return join('/');
    case 'dashes': return join('-');
    case 'underscores': return join('_');
    case 'ideographic spaces': return join('\u3000');
    case 'zero-width': return join('\u200B');
    case 'brackets': return `(${groups[0]})${groups.slice(1).join('')}`;
    case 'letters adjacent': return `${lead}${digits}${tail}`;
    case 'full-width dashes': return toFullWidth(join('-'));
  }
}

function withCheck(body: string, luhn: boolean): string {
  for (let d = 0; d <= 9; d++) if (passesLuhn(body + d) === luhn) return body + d;
  return `${body}0`;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idNumber = fc.record({
  area: fc.constantFrom('110105', '440106', '340524', '320102', '510104', '440304'),
  year: fc.integer({ min: 1950, max: 2005 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }),
  seq: digitsOf(3),
}).map(({ area, year, month, day, seq }) => {
  const body = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq}`;
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * ID_WEIGHTS[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
});

type NumberKind = 'mobile' | 'landline' | 'hkMoTw' | 'idNumber' | 'luhnCard' | 'labelledCard';
export type PiiKind = NumberKind | 'email' | 'ownName' | 'selfNamed';
export const NUMBER_KINDS: NumberKind[] = ['mobile', 'landline', 'hkMoTw', 'idNumber', 'luhnCard', 'labelledCard'];

/** The digits of a number of this kind, how it is grouped, what comes before it, and its needle. */
function numberOf(kind: NumberKind): fc.Arbitrary<{ digits: string; sizes: number[]; before: string; needle: string }> {
  switch (kind) {
    case 'mobile':
      return fc.tuple(fc.integer({ min: 3, max: 9 }), digitsOf(9), fc.constantFrom('', '', '+86 ', '86', '(+86)'))
        .map(([second, rest, prefix]) => ({ digits: `1${second}${rest}`, sizes: [3, 4, 4], before: prefix, needle: `1${second}${rest}` }));
    case 'landline':
      return fc.oneof(
        fc.tuple(fc.constantFrom('010', '020', '021', '022', '023', '024', '025', '027', '028', '029'), fc.integer({ min: 2, max: 8 }), digitsOf(7))
          .map(([area, first, rest]) => ({ area, local: `${first}${rest}` })),
        fc.tuple(fc.integer({ min: 3, max: 9 }), digitsOf(2), fc.integer({ min: 2, max: 8 }), fc.oneof(digitsOf(6), digitsOf(7)))
          .map(([a, b, first, rest]) => ({ area: `0${a}${b}`, local: `${first}${rest}` })),
      ).map(({ area, local }) => ({ digits: area + local, sizes: [area.length, 4], before: '', needle: area + local }));
    case 'hkMoTw':
      return fc.oneof(
        fc.tuple(fc.constantFrom('2', '3', '5', '6', '7', '9'), digitsOf(7)).map(([f, r]) => ({ cc: '852', local: f + r, sizes: [3, 4, 4] })),
        fc.tuple(fc.constantFrom('2', '6'), digitsOf(7)).map(([f, r]) => ({ cc: '853', local: f + r, sizes: [3, 4, 4] })),
        digitsOf(8).map((r) => ({ cc: '886', local: `9${r}`, sizes: [3, 3, 3, 3] })),
      ).chain(({ cc, local, sizes }) => fc.constantFrom('+', '', '00').map((plus) => ({
        digits: (plus === '00' ? '00' : '') + cc + local, sizes: plus === '00' ? [5, ...sizes.slice(1)] : sizes,
        before: plus === '+' ? '+' : '', needle: local,
      })));
    case 'idNumber':
      return fc.tuple(idNumber, fc.boolean()).map(([id, lower]) => ({
        digits: lower ? id.toLowerCase() : id, sizes: [6, 8, 4], before: '', needle: id.slice(0, 17),
      }));
    case 'luhnCard':
      return fc.tuple(fc.constantFrom(16, 19), digitsOf(17)).map(([length, rest]) => {
        const card = withCheck(`62${rest}`.slice(0, length - 1), true);
        return { digits: card, sizes: [4, 4, 4, 4], before: '', needle: card };
      });
    case 'labelledCard':
      return fc.tuple(fc.integer({ min: 16, max: 19 }), digitsOf(17), fc.constantFrom('银行卡', '卡号：', '银行账号 ', '账户', '工资卡号:'))
        .map(([length, rest, label]) => {
          const card = withCheck(`62${rest}`.slice(0, length - 1), false);
          return { digits: card, sizes: [4, 4, 4, 4], before: label, needle: card };
        });
  }
}

export const numberPii = (kind: NumberKind, spelling: NumberSpelling): fc.Arbitrary<Pii> =>
  fc.tuple(numberOf(kind), letters, letters).map(([n, lead, tail]) => {
    // A labelled card keeps its label right before it; a letter goes between label and number.
    const typed = spellNumber(n.digits, n.sizes, spelling, lead, tail);
    return { kind, typed: n.before + typed, needle: n.needle };
  });

const lower = (min: number, max: number) =>
  fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), { minLength: min, maxLength: max }).map((a) => a.join(''));

export const emailPii = (spelling: (typeof EMAIL_SPELLINGS)[number]): fc.Arbitrary<Pii> =>
  fc.tuple(lower(5, 9), lower(2, 3), lower(4, 8), fc.constantFrom('com', 'cn', 'org', 'com.cn')).map(([user, suffix, host, tld]) => {
    const local = `${user}.${suffix}`;
    const plain = `${local}@${host}.${tld}`;
    const typed = {
      plain, 'full-width @': plain.replace('@', '＠'), 'all full-width': toFullWidth(plain), 'spaced @': `${local} @ ${host}.${tld}`,
      '(at)': `${local}(at)${host}.${tld}`, 'letters adjacent': `邮箱${plain}谢谢`,
    }[spelling];
    return { kind: 'email', typed, needle: local };
  });

// Given names from characters rare in the product's own pages, so a needle cannot match by chance.
const GIVEN = Array.from('璇琪瑶玥霖骁彧珩煜昊翊瑾琛珏婕妤芮溪蕾菁');
const SURNAME = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭林罗郑梁');
const chineseName = fc.tuple(fc.constantFrom(...SURNAME), fc.constantFrom(...GIVEN), fc.constantFrom(...GIVEN))
  .map(([s, a, b]) => `${s}${a}${b}`);

function spellName(name: string, spelling: (typeof NAME_SPELLINGS)[number]): string {
  const [first, ...rest] = Array.from(name);
  switch (spelling) {
    case 'plain': return name;
    case 'space': return `${first} ${rest.join('')}`;
    case 'ideographic space': return `${first}\u3000${rest.join('')}`;
    case 'middle dot': return `${first}·${rest.join('')}`;
    case 'spaces between all': return Array.from(name).join(' ');
  }
}

export const ownNamePii = (spelling: (typeof NAME_SPELLINGS)[number]): fc.Arbitrary<Pii> =>
  chineseName.map((name) => ({ kind: 'ownName', typed: spellName(name, spelling), needle: name, ownName: name }));

export const SELF_PHRASES = ['我叫', '我名叫', '本人', '我是', '我的名字是', '本人姓名：', '我是该厂的员工', '我是这家店以前的店员，叫'] as const;

export const selfNamedPii = (phrase: (typeof SELF_PHRASES)[number]): fc.Arbitrary<Pii> =>
  fc.tuple(chineseName, fc.constantFrom<(typeof NAME_SPELLINGS)[number]>('plain', 'space'), fc.constantFrom('，', '。', ',', '！', ' '))
    .map(([name, spelling, after]) => ({ kind: 'selfNamed', typed: `${phrase}${spellName(name, spelling)}${after}`, needle: name }));

// Ordinary text around the data: Chinese and English, amounts, dates; never a digit right next to it.
const FRAGMENTS = [
  '该厂使用过期原料生产月饼', '仓库在后门', '购买的奶粉结块变色', 'The label says sugar-free but it is not.', '商家拒绝退款',
  '2026-11-20购买，金额￥3,500', '批号20261120', '请尽快处理', 'they sell fake chargers', '现场有异味，工人没有健康证',
  '案件GD2026112600042已提交过', '型号 KFR-35GW/(35592)FNhAa-A1', '发票金额 1,280.00 元', '晚上10点以后偷偷生产',
];
const JOINERS = ['，', '。', ' ', '：', '；', '、', '\n', '说', ' and '];

/** Text with the data embedded, at least 10 characters (the description's minimum). */
export const embedded = (items: string[]): fc.Arbitrary<string> =>
  fc.tuple(
    fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom(...JOINERS), { minLength: items.length * 2, maxLength: items.length * 2 }),
    fc.array(fc.constantFrom(...FRAGMENTS), { minLength: items.length, maxLength: items.length }),
  ).map(([head, joiners, between]) => {
    let text = head.join('，');
    items.forEach((item, i) => { text += joiners[2 * i]! + item + joiners[2 * i + 1]! + between[i]!; });
    return text;
  });
