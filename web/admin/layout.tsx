/** The admin page frame: the staff header (who, sign-out, language), the admin navigation, notices. */
import type { Child } from 'hono/jsx';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { StaffDocument } from '../staff/document.js';
import { href, type AdminView } from './context.js';

export type AdminSection = 'home' | 'users' | 'holds' | 'departments' | 'routing' | 'preview' | 'changes' | 'outbox' | 'rewardRules';

const sections: [AdminSection, string][] = [
  ['home', '/staff/admin'], ['users', '/staff/admin/users'], ['holds', '/staff/admin/holds'], ['departments', '/staff/admin/departments'],
  ['routing', '/staff/admin/routing'], ['preview', '/staff/admin/preview'], ['changes', '/staff/admin/changes'],
  ['outbox', '/staff/admin/outbox'], ['rewardRules', '/staff/rewards/rules'],
];

function SignedIn({ v }: { v: AdminView }) {
  if (!v.actor) return null;
  return (
    <div class="staff-user">
      <p><strong>{v.actor.displayName || v.actor.username}</strong> ({v.a.roles[v.actor.role]})</p>
      <form method="post" action={href(v, '/staff/logout')} class="inline-form">
        {csrfField(v.csrf)}
        <button type="submit" class="link-button">{v.a.signOut}</button>
      </form>
    </div>
  );
}

export function AdminLayout({ v, title, current, notice, children }: {
  v: AdminView; title: string; current?: AdminSection | undefined; notice?: string | undefined; children?: Child;
}) {
  const { t, a } = v;
  const nav = v.actor?.role === 'admin' && (
    <nav class="staff-nav" aria-label={a.nav.label}>
      <div class="wrap wrap-wide">
        {sections.map(([key, path]) => (
          <a href={href(v, path)} aria-current={current === key ? 'page' : undefined}>{a.nav[key]}</a>
        ))}
      </div>
    </nav>
  );
  return (
    <StaffDocument t={t} title={`${title} – ${a.title}`} homeHref={href(v, '/staff')} workspace={a.workspace}
      switchHref={v.switchHref} signedIn={<SignedIn v={v} />} nav={nav}>
      <h1>{title}</h1>
      {notice && <div class="notice notice-success" role="status"><p>{notice}</p></div>}
      {children}
    </StaffDocument>
  );
}
