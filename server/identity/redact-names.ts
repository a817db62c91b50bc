/**
 * Names in folded text (see fold.ts): the reporter's own name in any spacing ("张 三丰", "张　三丰",
 * "Zhang_San"), and a name an anonymous reporter gives away after a self-identifying phrase
 * ("我叫李四", "本人王五", "我是该厂的员工赵六", "my name is Li Si"). Names of others (the business,
 * its managers) stay: handlers need them.
 */

export interface NameSpan { start: number; end: number }

// Common surnames (the few hundred that cover most people), minus characters that mostly start
// ordinary words after 本人 / 我是 (高, 白, 金, 来, 和 …), where a surname is what makes it a name.
const SURNAMES = new Set(Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范石廖贾夏韦付方邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞左柳祝宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍喻祁蒲滕屈饶牟艾尤阳穆卓缪褚娄窦戚岑晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁荣巫寇桑郎甄仲虞敖巩佘邝匡鞠荆冀郁胥栗燕楚鄢谌奚粟冼蔺楼厉伊仝郜阚帅屠朴廉禹漆巴丰卿狄晋芮扈晁阙浦戈鹿邸雍辜亓裘邰赫杭逯茹诸嵇湛戎茅',
));
const COMPOUND_SURNAMES = /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|令狐|端木|独孤|南宫|西门)/;
// Characters that end a name: particles and words that follow one in a sentence.
const STOP = new Set(Array.from('是在的了及从因为住今年岁电话手机身份证号码我你他她它们也都就还又要想把被给对跟该这那此昨去曾已将于和与，,。.、；;：:！!？?（）()'));
const CJK = /[\u4e00-\u9fff]/;

// A name follows these for sure; after 本人 / 我是 / …员工 only if it starts with a surname.
const SURE = /(?:我叫|我名叫|名字(?:是|叫)|本人姓名(?:是|为|叫)?|姓名(?:是|为|叫)?|本人名叫)[\s:=]{0,3}/g;
const LIKELY = /(?:本人(?:是|系|叫)?|我是|举报人(?:是|为|系)?|投诉人(?:是|为|系)?)[\s:=,]{0,2}/g;
// "我是该厂的员工王五": the name comes after the job, within the same sentence.
const STAFF = /(?:我是|本人是|本人系|我系|我作为)[^。！？!?\n]{0,30}?(?:员工|职工|工人|雇员|工作人员|店员|司机|保安)(?:[\s:=,，]{0,2}(?:叫|名叫|是))?[\s:=,]{0,2}/g;
// Every phrase below holds one of these: most texts are passed over after one scan.
const MAY_SELF_NAME = /[我名姓人]|my name|i am|i'm/i;
const ENGLISH = /\b(?:my name is|i am|i'm)\s+/gi;
// After "my name is" any one or two words; after "I am" only capitalised ones ("I am a customer").
const ENGLISH_ANY = /^[A-Za-z]{2,}(?: [A-Za-z]{2,})?/;
const ENGLISH_CAPITALISED = /^[A-Z][a-z]+(?: [A-Z][a-z]+)?/;
const NOT_A_NAME = /^(?:A|An|The|Not|In|At|From|Here|Writing|Reporting|Sorry)\b/;

/** Names given after self-identifying phrases, with where each sits. */
export function selfNamed(text: string): { spans: NameSpan[]; names: string[] } {
  const spans: NameSpan[] = [];
  const names: string[] = [];
  if (!MAY_SELF_NAME.test(text)) return { spans, names };
  const take = (start: number, needSurname: boolean) => {
    const found = cjkNameAt(text, start, needSurname) ?? (needSurname ? null : latinNameAt(text, start));
    if (!found) return;
    spans.push({ start, end: found.end });
    // Masked wherever else it is typed only if it looks like a name: "我叫外卖" must not blank every 外卖.
    if (SURNAMES.has(found.name[0]!) || COMPOUND_SURNAMES.test(found.name) || /^[A-Z]/.test(found.name)) names.push(found.name);
  };
  for (const m of text.matchAll(SURE)) take(m.index + m[0].length, false);
  for (const m of text.matchAll(LIKELY)) take(m.index + m[0].length, true);
  for (const m of text.matchAll(STAFF)) take(m.index + m[0].length, true);
  for (const m of text.matchAll(ENGLISH)) {
    const at = m.index + m[0].length;
    const name = (/^my/i.test(m[0]) ? ENGLISH_ANY : ENGLISH_CAPITALISED).exec(text.slice(at, at + 40));
    if (name && !NOT_A_NAME.test(name[0])) {
      spans.push({ start: at, end: at + name[0].length });
      if (/^[A-Z]/.test(name[0])) names.push(name[0]);
    }
  }
  return { spans, names };
}

// "我叫Zhang San": a name in pinyin after a Chinese phrase that surely precedes one.
function latinNameAt(text: string, start: number): { name: string; end: number } | null {
  const name = ENGLISH_ANY.exec(text.slice(start, start + 40));
  return name ? { name: name[0], end: start + name[0].length } : null;
}

// 2–3 characters (4 with a compound surname), single spaces or "·" allowed between them.
function cjkNameAt(text: string, start: number, needSurname: boolean): { name: string; end: number } | null {
  const max = COMPOUND_SURNAMES.test(text.slice(start, start + 2)) ? 4 : 3;
  let name = '';
  let end = start;
  let k = start;
  while (name.length < max && k < text.length) {
    const ch = text[k]!;
    if (!CJK.test(ch) || (name.length > 0 && STOP.has(ch))) break;
    if (name.length === 0 && (needSurname ? !SURNAMES.has(ch) && max < 4 : STOP.has(ch))) return null;
    name += ch;
    end = k + 1;
    k++;
    if (k < text.length && (text[k] === ' ' || text[k] === '·') && CJK.test(text[k + 1] ?? '')) k++;
  }
  return name.length >= 2 ? { name, end } : null;
}

// Between the characters of a name: up to two of these ("张 三丰", "张·三丰", "Zhang_San").
const NAME_GAP = new Set(Array.from(' \u00a0·・.-_*'));
const MAX_GAP = 2;
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;

/** Every place `names` occur, spaced or not (a name shorter than 2 characters would blank words). */
export function nameSpans(text: string, names: readonly string[]): NameSpan[] {
  const spans: NameSpan[] = [];
  const seen = new Set<string>();
  for (const raw of names) {
    const chars = Array.from(raw.normalize('NFKC').toLowerCase()).filter((ch) => /[\p{L}\p{N}]/u.test(ch));
    const key = chars.join('');
    if (chars.length < 2 || seen.has(key)) continue;
    seen.add(key);
    // A Latin name stands as a word ("Li" is not in "Lithium"), in any case; a Chinese one anywhere.
    const latin = chars.every((ch) => /^[a-z]$/.test(ch));
    for (let k = latin ? 0 : text.indexOf(chars[0]!); k >= 0 && k < text.length;) {
      const end = matchAt(text, k, chars, latin);
      if (end >= 0) spans.push({ start: k, end });
      const next = end >= 0 ? end : k + 1;
      k = latin ? next : text.indexOf(chars[0]!, next);
    }
  }
  return spans;
}

function sameChar(text: string, at: number, ch: string, latin: boolean): boolean {
  if (!latin) return text.startsWith(ch, at);
  return (text.charCodeAt(at) | 0x20) === ch.charCodeAt(0) && isAsciiLetter(text.charCodeAt(at));
}

/** Where the name starting at `k` ends, or -1: a linear walk, gaps bounded, no backtracking. */
function matchAt(text: string, k: number, chars: string[], latin: boolean): number {
  if (!sameChar(text, k, chars[0]!, latin)) return -1;
  if (latin && k > 0 && isAsciiLetter(text.charCodeAt(k - 1))) return -1;
  let at = k + chars[0]!.length;
  for (let c = 1; c < chars.length; c++) {
    let gap = 0;
    while (gap < MAX_GAP && NAME_GAP.has(text[at] ?? '')) {
      at++;
      gap++;
    }
    if (!sameChar(text, at, chars[c]!, latin)) return -1;
    at += chars[c]!.length;
  }
  if (latin && isAsciiLetter(text.charCodeAt(at))) return -1;
  return at;
}
