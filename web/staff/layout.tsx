/** The staff page frame: who is signed in, their department, the role's places, sign-out and language switch. */
import type { Child } from 'hono/jsx';
import type { Role } from '../../server/staff/roles.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import type { Lang, Messages } from '../i18n.js';
import { departmentName, type StaffView } from './context.js';
import { StaffDocument } from './document.js';
import { placeLabel, placePaths, placesOf, rolePlaces, startPath, type Place } from './places.js';

function SignedIn({ v }: { v: StaffView }) {
  const { t, actor } = v;
  if (!actor) return null;
  const s = t.staff;
  return (
    <div class="staff-user">
      <p>
        <span class="visually-hidden">{s.header.user}: </span>
        <strong>{actor.displayName || actor.username}</strong> ({s.roles[actor.role]})
        {' · '}<span class="visually-hidden">{s.header.department}: </span>
        {departmentName(v, actor.department) ?? s.header.noDepartment}
      </p>
      <form method="post" action={v.lang === 'en' ? '/staff/logout?lang=en' : '/staff/logout'} class="inline-form">
        {csrfField(v.csrf)}
        <button type="submit" class="link-button">{s.header.signOut}</button>
      </form>
    </div>
  );
}

/** The header navigation of staff and admin pages: the places of the signed-in role (web/staff/places.ts). */
export function PlacesNav({ t, lang, role, current, label, link = (path) => path, places = rolePlaces[role] }: {
  t: Messages; lang: Lang; role: Role; current?: Place | undefined; label: string; link?: (path: string) => string;
  /** Default: the role's places. */
  places?: readonly Place[] | undefined;
}) {
  return (
    <nav class="staff-nav" aria-label={label}>
      <div class="wrap wrap-wide">
        {places.map((place) => (
          <a href={link(placePaths[place])} aria-current={current === place ? 'page' : undefined}>{placeLabel(t, lang, place)}</a>
        ))}
      </div>
    </nav>
  );
}

export function StaffLayout({ v, title, current, children }: {
  v: StaffView; title: string; current?: Place | undefined; children?: Child;
}) {
  const { t, actor } = v;
  const s = t.staff;
  const department = actor && v.lookups.departments.find((d) => d.code === actor.department);
  const nav = actor && (
    <PlacesNav t={t} lang={v.lang} role={actor.role} current={current} label={s.nav.label} places={placesOf(actor.role, department)} />
  );
  return (
    <StaffDocument t={t} title={title} homeHref={actor ? startPath(actor.role) : '/staff'} workspace={s.workspace} switchHref={v.switchHref}
      signedIn={<SignedIn v={v} />} nav={nav}>
      {children}
    </StaffDocument>
  );
}
