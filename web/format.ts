/** Dates as people read them, from the ISO-8601 Shanghai times the service returns. */
import type { Lang, Messages } from './i18n.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-12-07T23:59:59.999+08:00' → '2026年12月7日（当日结束前）' / '7 Dec 2026, end of day'. */
export function formatDue(iso: string, lang: Lang, t: Messages): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, y, mo, d, h, mi, s] = match as unknown as [string, string, string, string, string, string, string];
  const date = lang !== 'en' ? `${y}年${Number(mo)}月${Number(d)}日` : `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
  if (h === '23' && mi === '59' && s === '59') {
    return lang !== 'en' ? `${date}（${t.confirm.endOfDay}）` : `${date}, ${t.confirm.endOfDay}`;
  }
  return lang !== 'en' ? `${date} ${h}:${mi}${t.confirm.before}` : `${date}, ${h}:${mi}`;
}
