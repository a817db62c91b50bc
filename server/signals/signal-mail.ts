/**
 * The values of the `signal_raised` mail (templates/<lang>/signal_raised.*): the kind of signal, what
 * it is about (a credit code, a barcode or brand and model, a category in a city), how many cases and
 * over which days, and the link to the signals page. No case number, text or reporter.
 */
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import type { MailLang } from '../notify/catalog.js';
import type { TemplateParams } from '../notify/templates.js';
import { findRegionNames } from './signals.repository.js';

type Stored = Record<string, unknown>;

const TYPES: Record<'zh' | 'en', Record<string, string>> = {
  zh: { business: '同一经营主体多次被反映', product: '同一产品多次被反映', spike: '品类地区案件量激增' },
  en: { business: 'one business named repeatedly', product: 'one product named repeatedly', spike: 'a surge in a category and city' },
};

const text = (v: unknown, fallback = '—') => (typeof v === 'string' && v !== '' ? v : fallback);

async function keyPhrase(deps: Pick<Deps, 'db'>, en: boolean, type: string, key: string): Promise<string> {
  if (type === 'business') return en ? `credit code ${key}` : `统一社会信用代码 ${key}`;
  if (type === 'product') {
    if (/^\d+$/.test(key)) return en ? `barcode (GTIN) ${key}` : `商品条码 ${key}`;
    const [brand = '', model = ''] = key.split('|');
    return en ? `brand ${brand}, model ${model}` : `品牌 ${brand}，型号 ${model}`;
  }
  const [category = '', city = ''] = key.split('@');
  const [cat, region] = await Promise.all([
    directorySnapshot(deps.db).then((d) => d.categories.get(category)), findRegionNames(deps.db, city),
  ]);
  const catName = cat ? (en ? cat.name_en : cat.name_zh) : category;
  const cityName = region ? (en ? region.name_en : region.name_zh) : city;
  return en ? `${catName} in ${cityName} (${key})` : `${cityName}：${catName}（${key}）`;
}

function periodPhrase(en: boolean, stored: Stored): string {
  const [start, end] = [text(stored.windowStart), text(stored.windowEnd)];
  if (stored.type === 'spike') {
    return en ? `in the week ${start} to ${end}, over 3 times the weekly mean of the 12 weeks before`
      : `${start} 至 ${end} 这一周，超过此前 12 周周均的 3 倍`;
  }
  const days = Number(stored.windowDays) || 0;
  return en ? `within ${days} days (counted from ${start}; later cases join until ${end})`
    : `${days} 日内（自 ${start} 起计；${end} 前的新案件并入本信号）`;
}

/** The template values of a `signal_raised` outbox row, in the staff mail language. */
export async function signalMailParams(deps: Pick<Deps, 'db' | 'config'>, stored: Stored, lang: MailLang): Promise<TemplateParams> {
  const en = lang === 'en';
  const type = text(stored.type);
  return {
    day: text(stored.raisedAt).slice(0, 10),
    signalType: TYPES[en ? 'en' : 'zh'][type] ?? type,
    signalKey: await keyPhrase(deps, en, type, text(stored.key)),
    count: Number(stored.count) || 0,
    period: periodPhrase(en, stored),
    signalsUrl: `${deps.config.publicUrl}/staff/signals${en ? '?lang=en' : ''}`,
  };
}
