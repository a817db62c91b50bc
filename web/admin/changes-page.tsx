/** The admin change log: who changed what, and when (from the hash-chained audit log). */
import type { AdminChange } from '../../server/admin/changes.service.js';
import { href, shortTime, type AdminView } from './context.js';
import { AdminLayout } from './layout.js';

const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** One line per changed field ("email: a → b") or per detail field; details never hold a password. */
export function detailLines(detail: unknown): string[] {
  if (!detail || typeof detail !== 'object') return detail === null || detail === undefined ? [] : [show(detail)];
  const lines: string[] = [];
  for (const [key, value] of Object.entries(detail as Record<string, unknown>)) {
    if (key === 'changes' && value && typeof value === 'object') {
      for (const [field, change] of Object.entries(value as Record<string, { from: unknown; to: unknown }>)) {
        lines.push(`${field}: ${show(change.from)} → ${show(change.to)}`);
      }
    } else {
      lines.push(`${key}: ${show(value)}`);
    }
  }
  return lines;
}

export function ChangesTable({ v, items }: { v: AdminView; items: AdminChange[] }) {
  const ch = v.a.changes;
  if (items.length === 0) return <p>{ch.empty}</p>;
  return (
    // A table wider than a phone scrolls: the keyboard must reach it too.
    <div class="table-scroll" tabindex={0} role="region" aria-label={ch.title}>
      <table class="table">
        <thead><tr><th>{ch.at}</th><th>{ch.actor}</th><th>{ch.action}</th><th>{ch.detail}</th></tr></thead>
        <tbody>
          {items.map((e) => (
            <tr>
              <td class="nowrap"><time datetime={e.at}>{shortTime(e.at)}</time></td>
              <td>{e.actor}</td>
              <td>{ch.actions[e.action] ?? e.action}</td>
              <td>{detailLines(e.detail).map((line) => <span class="due-date">{line}</span>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChangesPage({ v, items, nextBefore }: { v: AdminView; items: AdminChange[]; nextBefore: number | null }) {
  return (
    <AdminLayout v={v} title={v.a.changes.title} current="changes">
      <ChangesTable v={v} items={items} />
      {nextBefore !== null && (
        <p class="pager"><a href={href(v, `/staff/admin/changes?before=${nextBefore}`)}>{v.a.changes.older}</a></p>
      )}
    </AdminLayout>
  );
}
