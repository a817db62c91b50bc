import { describe, expect, it } from 'vitest';
import { MASKS, maskPhone, redact } from '../../server/identity/redact.js';
import { phoneKindOfDigits } from '../../server/lib/identifiers.js';

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
  it('masks bank cards that pass Luhn, and labelled ones that do not', () => {
    expect(redact('卡号 4111 1111 1111 1111')).toBe(`卡号 ${MASKS.bankCard}`);
    expect(redact('订单 4111111111111112')).toBe('订单 4111111111111112');
    expect(redact('银行卡6222020200112233445')).toBe(`银行卡${MASKS.bankCard}`);
    expect(redact('我的工资卡号：6222 0202 0011 2233 445，请核实')).toBe(`我的工资卡号：${MASKS.bankCard}，请核实`);
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

describe('redact: how people type (issue 13)', () => {
  const m = MASKS;
  it.each([
    ['１３８００１３８０００', m.mobile],
    ['138.0013.8000', m.mobile],
    ['138/0013/8000', m.mobile],
    ['138 0013 8000', m.mobile],
    ['138_0013_8000', m.mobile],
    ['138－0013－8000', m.mobile],
    ['138\u200B0013\u200B8000', m.mobile],
    ['1 38 00 13 80 00', m.mobile],
    ['(+86)138 0013 8000', m.mobile],
    ['0086-13800138000', m.mobile],
    ['6222.0212.3456.7890.128', m.bankCard],
    ['6222 0212 3456 7890 128', m.bankCard],
    ['１１０１０５１９４９１２３１００２Ｘ', m.idNumber],
    ['110105 19491231 002x', m.idNumber],
    ['+852 9123 4567', m.landline],
    ['(852) 6123-4567', m.landline],
    ['+853 6612 3456', m.landline],
    ['+886 912 345 678', m.landline],
    ['0912-345-678', m.landline],
    ['0755 1234 5678', m.landline],
    ['(010)87654321', m.landline],
  ])('masks %s whole', (typed, mask) => {
    expect(redact(`请联系${typed}。`)).toBe(`请联系${mask}。`);
  });
  it('masks (138)00138000 with its bracket', () => {
    expect(redact('号码(138)00138000')).toBe(`号码${m.mobile}`);
  });
  it('masks numbers next to letters', () => {
    expect(redact('a13800138000b')).toBe(`a${m.mobile}b`);
    expect(redact('ID11010519491231002X')).toBe(`ID${m.idNumber}`);
    expect(redact('tel13800138000call')).toBe(`tel${m.mobile}call`);
  });
  it('masks a full-width @ and spaced e-mail addresses', () => {
    expect(redact('邮箱zhangsan.sf＠example.com。')).toBe(`邮箱${m.email}。`);
    expect(redact('mail: li.si (at) example.org')).toBe(`mail: ${m.email}`);
  });
  it('masks several numbers glued by separators one by one', () => {
    expect(redact('13800138000,13900139000/020-87654321')).toBe(`${m.mobile},${m.mobile}/${m.landline}`);
    expect(redact('2026-11-20 6222 0212 3456 7890 128')).toBe(`2026-11-20 ${m.bankCard}`);
    expect(redact('2026/11/20 13800138000')).toBe(`2026/11/20 ${m.mobile}`);
  });
  it('masks a local number only when labelled as a phone', () => {
    expect(redact('香港电话 9123 4567')).toBe(`香港电话 ${m.landline}`);
    expect(redact('电话：87654321')).toBe(`电话：${m.landline}`);
    expect(redact('编号 87654321')).toBe('编号 87654321');
    expect(redact('电话 2026-11-20 打过')).toBe('电话 2026-11-20 打过');
  });
  it("masks the reporter's name in any spacing", () => {
    for (const typed of ['张三丰', '张 三丰', '张　三丰', '张·三丰', '张  三 丰']) {
      expect(redact(`我是${typed}本人`, ['张三丰'])).toBe(`我是${m.name}本人`);
    }
    expect(redact('Zhang_San wrote', ['Zhang San'])).toBe(`${m.name} wrote`);
    expect(redact('Lithium batteries', ['Li'])).toBe('Lithium batteries');
  });
  it.each([
    ['我叫李四，在厂里工作', `我叫${m.name}，在厂里工作`],
    ['我叫 李 四', `我叫 ${m.name}`],
    ['本人王五，该厂仓库管理员', `本人${m.name}，该厂仓库管理员`],
    ['我是该厂的员工赵六，厂长让我们', `我是该厂的员工${m.name}，厂长让我们`],
    ['我是该厂员工，叫钱七。', `我是该厂员工，叫${m.name}。`],
    ['我的名字是欧阳娜娜。', `我的名字是${m.name}。`],
    ['本人姓名：孙八', `本人姓名：${m.name}`],
    ['我是周九，我在厂里见过周九的工牌', `我是${m.name}，我在厂里见过${m.name}的工牌`],
    ['My name is Li Si.', `My name is ${m.name}.`],
    ['我叫Zhang Wei', `我叫${m.name}`],
    ['我叫外卖，外卖到了', `我叫${m.name}，外卖到了`],
  ])('masks the self-identified name in %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });
});

describe('phoneKindOfDigits (RULES.md check values)', () => {
  it.each([
    ['13800138000', 'mobile'], ['8613800138000', 'mobile'], ['008613800138000', 'mobile'],
    ['02012345678', 'landline'], ['07551234567', 'landline'], ['075512345678', 'landline'], ['862012345678', 'landline'],
    ['85291234567', 'hkMoTw'], ['0085291234567', 'hkMoTw'], ['85366123456', 'hkMoTw'], ['886912345678', 'hkMoTw'], ['0912345678', 'hkMoTw'],
    ['12800138000', null], ['0201234567', null], ['85281234567', null], ['85376123456', null], ['20261126000', null], ['1380013800', null],
  ])('%s is %s', (digits, kind) => {
    expect(phoneKindOfDigits(digits)).toBe(kind);
  });
});

describe('redact: the fold maps back to the text as typed', () => {
  it('masks whole characters that expand or vanish under NFKC, and keeps the rest as typed', () => {
    expect(redact('号码⑴３８００１３８０００，谢谢！')).toBe(`号码${MASKS.mobile}，谢谢！`);
    expect(redact('138\u00AD0013\uFEFF8000（手机）')).toBe(`${MASKS.mobile}（手机）`);
    expect(redact('﷽ 电话 13800138000 ﷽')).toBe(`﷽ 电话 ${MASKS.mobile} ﷽`);
  });
  it('masks a name with characters outside the BMP', () => {
    expect(redact('我是𠮷田 花子的朋友', ['𠮷田花子'])).toBe(`我是${MASKS.name}的朋友`);
  });
  it('keeps full-width punctuation of untouched text', () => {
    const text = '商家拒绝退款，要求处理！（见附件）：发票金额１２８元。';
    expect(redact(text)).toBe(text);
  });
});

describe('redact: what must stay readable', () => {
  it.each([
    '金额￥3,500，另付13,800,138,000元的货款',
    '2026-11-20 13:05:22 购买',
    '案件 GD2026112600042 已受理',
    '统一社会信用代码 91350200776049653A，另见 91440101MA5CJQ4N59、9135021359498494XQ',
    '型号 KFR-35GW/(35592)FNhAa-A1，XQG100-HBD14126L，SM-G9910，iPhone 15 Pro Max A3108',
    '条码 6901234567892 和 4006381333931，GTIN 10012345678902',
    '某某食品有限公司，广州市天河区体育西路1号3楼301室',
    '本人在该店购买的月饼发霉了，我是来投诉的，本人要求退款',
    'I am a customer and I am not happy. I am writing about batch 20261120.',
    '举报人要求保密，投诉人已撤回',
    '订单号 2026112613800138000',
  ])('keeps %s', (text) => {
    expect(redact(text)).toBe(text);
  });
});

describe('redact: subject fields', () => {
  it('keeps the business and takes out only the personal data in it', () => {
    expect(redact('某某食品有限公司')).toBe('某某食品有限公司');
    expect(redact('广州市天河区体育西路1号3楼301室')).toBe('广州市天河区体育西路1号3楼301室');
    expect(redact('张记烧烤（老板电话 138-0013-8000）')).toBe(`张记烧烤（老板电话 ${MASKS.mobile}）`);
    expect(redact('王璇琪的网店', ['王璇琪'])).toBe(`${MASKS.name}的网店`);
  });
});

// Linear work, whatever the input: 100 kB costs about ten times 10 kB (a backtracking regex would
// cost a hundred times or more). Ratios, not milliseconds, so a busy machine does not fail it.
describe('redact: bounded work', () => {
  const best = (text: string) => {
    let fastest = Infinity;
    for (let k = 0; k < 5; k++) {
      const started = performance.now();
      redact(text, ['张三丰']);
      fastest = Math.min(fastest, performance.now() - started);
    }
    return fastest;
  };
  it.each([
    ['digits and spaces', '1 '],
    ['digits', '1'],
    ['digits and dots', '12.'],
    ['letters', 'a'],
    ['e-mail shaped', 'a.'],
    ['e-mail domains', 'a@b.'],
    ['self-identifying phrases', '我是员工'],
    ['full-width digits', '１ '],
    ['phone-like digits', '1 3 '],
    ['phones', '13800138000 '],
    ['ID-like digits', '11010519491231002X '],
    ['cards in fours', '6222 '],
    ['names', '我叫王璇琪，'],
  ])('redacts 100 kB of %s in linear time', (_label, unit) => {
    const small = unit.repeat(Math.ceil(10_000 / unit.length));
    const large = unit.repeat(Math.ceil(100_000 / unit.length));
    best(small);
    const [tSmall, tLarge] = [best(small), best(large)];
    expect(tLarge).toBeLessThan(40 * tSmall + 100);
    expect(tLarge).toBeLessThan(2_000);
  });
});
