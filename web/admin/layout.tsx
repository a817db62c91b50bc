/** The admin page frame: the staff header (who, sign-out, language), the admin navigation, notices. */
import type { Child } from 'hono/jsx';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { StaffDocument } from '../staff/document.js';
import { PlacesNav } from '../staff/layout.js';
import { startPath, type Place } from '../staff/places.js';
import { href, type AdminView } from './context.js';

export type AdminSection = Place;

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
  // Any signed-in role sees its own places: a non-admin here is on an error page.
  const nav = v.actor && <PlacesNav t={t} lang={v.lang} role={v.actor.role} current={current} label={a.nav.label} link={(path) => href(v, path)} />;
  return (
    <StaffDocument t={t} title={`${title} – ${a.title}`} homeHref={v.actor ? startPath(v.actor.role, v.lang) : href(v, '/staff')} workspace={a.workspace}
      switchHref={v.switchHref} signedIn={<SignedIn v={v} />} nav={nav}>
      <h1>{title}</h1>
      {notice && <div class="notice notice-success" role="status"><p>{notice}</p></div>}
      {children}
    </StaffDocument>
  );
}
