/** Times on the follow-up pages, read from the service's ISO-8601 Shanghai times. */
import { toShanghaiIso } from '../../server/clocks/clocks.js';
import type { Lang } from '../i18n.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-11-26T10:05:00.000+08:00' → '2026年11月26日 10:05' / '26 Nov 2026, 10:05'. */
export function formatAt(iso: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  if (!match) return iso;
  const [, y, mo, d, hm] = match as unknown as [string, string, string, string, string];
  return lang !== 'en' ? `${y}年${Number(mo)}月${Number(d)}日 ${hm}` : `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}, ${hm}`;
}

/** When a client blocked for `seconds` may try again, as Shanghai time, plus the whole minutes left. */
export function retryTime(now: Date, seconds: number, lang: Lang): { at: string; minutes: number } {
  const at = toShanghaiIso(new Date(now.getTime() + seconds * 1000));
  return { at: formatAt(at, lang), minutes: Math.max(1, Math.ceil(seconds / 60)) };
}
