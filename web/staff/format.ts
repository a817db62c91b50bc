/** Times and time left as staff read them. */
import type { Messages } from '../i18n.js';

/** '2026-11-26T10:00:00.000+08:00' → '2026-11-26 10:00' (the service's times are Shanghai time). */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]}` : iso;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Calendar time left or over, e.g. '剩余2天3小时' / '3 h 20 min over'. */
export function timeLeft(msLeft: number, t: Messages): string {
  const ms = Math.abs(msLeft);
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MINUTE);
  return msLeft < 0 ? t.staff.due.over(d, h, m) : t.staff.due.left(d, h, m);
}

// Shared with the reward notice mail.
export { formatYuan } from '../../server/lib/money.js';

/** A file size as people read it: 812 B, 12.3 KB, 4.5 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
