/** The staff page frame: who is signed in, their department, navigation, sign-out and language switch. */
import type { Child } from 'hono/jsx';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { auditMessages } from './audit-messages.js';
import { departmentName, type StaffView } from './context.js';
import { StaffDocument } from './document.js';

const OVERVIEW_ROLES = new Set(['intake', 'supervisor']);
/** Roles without a case queue: the auditor has the audit log, reward staff the reward queue. */
const NO_QUEUE_ROLES = new Set(['auditor', 'reward_officer', 'reward_approver']);
const REWARD_ROLES = new Set(['reward_officer', 'reward_approver']);

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

export function StaffLayout({ v, title, current, children }: {
  v: StaffView; title: string; current?: 'queue' | 'overview' | 'disclosures' | 'audit' | 'rewards' | 'rewardRules'; children?: Child;
}) {
  const { t, actor } = v;
  const s = t.staff;
  const nav = actor && (
    <nav class="staff-nav" aria-label={s.nav.label}>
      <div class="wrap wrap-wide">
        {!NO_QUEUE_ROLES.has(actor.role) && <a href="/staff" aria-current={current === 'queue' ? 'page' : undefined}>{s.nav.queue}</a>}
        {OVERVIEW_ROLES.has(actor.role) && (
          <a href="/staff/overview" aria-current={current === 'overview' ? 'page' : undefined}>{s.nav.overview}</a>
        )}
        {actor.role === 'custodian' && (
          <a href="/staff/disclosures" aria-current={current === 'disclosures' ? 'page' : undefined}>{s.nav.disclosures}</a>
        )}
        {REWARD_ROLES.has(actor.role) && (
          <>
            <a href="/staff/rewards" aria-current={current === 'rewards' ? 'page' : undefined}>{s.reward.nav}</a>
            <a href="/staff/rewards/rules" aria-current={current === 'rewardRules' ? 'page' : undefined}>{s.reward.rulesNav}</a>
          </>
        )}
        {actor.role === 'auditor' && (
          <a href="/staff/audit" aria-current={current === 'audit' ? 'page' : undefined}>{auditMessages(v.lang).nav}</a>
        )}
      </div>
    </nav>
  );
  return (
    <StaffDocument t={t} title={title} homeHref="/staff" workspace={s.workspace} switchHref={v.switchHref}
      signedIn={<SignedIn v={v} />} nav={nav}>
      {children}
    </StaffDocument>
  );
}
