/**
 * /staff/admin/outbox: the mail queue for admins — queued, sent and failed mail with attempts and
 * the last error, and a retry button for failed mail. A reporter's mail shows as "reporter": no
 * address, no content (the outbox holds neither).
 */
import { Hono } from 'hono';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { listActiveDepartments } from '../../server/directory/directory.service.js';
import type { TemplateName } from '../../server/notify/catalog.js';
import { listOutbox, retryOutbox, type OutboxItem } from '../../server/notify/outbox-admin.service.js';
import { outboxIdSchema, outboxQuerySchema, outboxStatuses } from '../../server/notify/outbox.schema.js';
import { csrfField, requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { keepStatuses } from '../page-errors.js';
import { adminView, href, renderAdmin, shortTime, type AdminView } from './context.js';
import { adminErrors } from './error-page.js';
import { AdminLayout } from './layout.js';

type OutboxStatus = OutboxItem['status'];

const text = {
  zh: {
    title: '邮件发送队列', all: '全部', retried: '已重新排队，将在下一轮发送。', empty: '没有邮件。',
    intro: '系统邮件先写入队列，再由后台逐封发送；发送失败会自动重试，多次失败后停在“失败”，可在这里重新发送。发给举报人的邮件只显示“举报人”，不显示地址和内容。',
    statuses: { queued: '排队中', sending: '发送中', sent: '已发送', failed: '失败' } satisfies Record<OutboxStatus, string>,
    columns: ['创建时间', '邮件', '案件', '收件人', '状态', '尝试次数', '下次尝试 / 发送时间', '最近错误', ''],
    reporter: '举报人', address: '指定地址', retry: '重新发送',
    templates: {
      case_received_reporter: '收件确认（举报人）', department_replied: '部门回复提醒（举报人）', reward_notified: '奖励告知（举报人）', rating_invite: '满意度评价邀请（举报人）',
      case_new_department: '新案件通知', case_triage: '待分派案件通知', clock_due_soon: '时限将到提醒', clock_overdue: '超期提醒',
      escalation: '升级督办通知', urge: '催办通知', reporter_message: '举报人留言通知', reporter_evidence: '举报人补充材料通知', department_digest: '部门每日汇总',
      audit_anchor: '审计日志锚点',
      signal_raised: '质量安全风险信号',
    } satisfies Record<TemplateName, string> as Record<string, string>,
  },
  en: {
    title: 'Mail queue', all: 'All', retried: 'Queued again; it goes out in the next round.', empty: 'No mail.',
    intro: 'Mail is written to this queue first and sent one by one in the background; a failed send is retried automatically and stops at "failed" after repeated failures, where it can be sent again from here. Mail to a reporter shows as "reporter", without address or content.',
    statuses: { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' } satisfies Record<OutboxStatus, string>,
    columns: ['Created', 'Mail', 'Case', 'Recipient', 'Status', 'Attempts', 'Next attempt / sent', 'Last error', ''],
    reporter: 'reporter', address: 'fixed address', retry: 'Send again',
    templates: {
      case_received_reporter: 'Receipt (reporter)', department_replied: 'Department replied (reporter)', reward_notified: 'Reward notice (reporter)', rating_invite: 'Rating invitation (reporter)',
      case_new_department: 'New case', case_triage: 'Case to route', clock_due_soon: 'Due soon', clock_overdue: 'Overdue',
      escalation: 'Escalation', urge: 'Urge', reporter_message: 'Reporter message', reporter_evidence: 'Reporter sent evidence', department_digest: 'Daily department digest',
      audit_anchor: 'Audit log anchor',
      signal_raised: 'Quality signal',
    } satisfies Record<TemplateName, string> as Record<string, string>,
  },
};
type Text = (typeof text)['zh'];

function Filters({ v, m, current, counts }: { v: AdminView; m: Text; current?: OutboxStatus | undefined; counts: Record<OutboxStatus, number> }) {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <nav class="staff-views" aria-label={m.title}>
      <a href={href(v, '/staff/admin/outbox')} aria-current={current ? undefined : 'page'}>{`${m.all} (${total})`}</a>
      {outboxStatuses.map((s) => (
        <>{' · '}<a href={href(v, `/staff/admin/outbox?status=${s}`)} aria-current={current === s ? 'page' : undefined}>{`${m.statuses[s]} (${counts[s]})`}</a></>
      ))}
    </nav>
  );
}

/** Department names in the page language; a code no longer in the directory shows as itself. */
type DepartmentNames = ReadonlyMap<string, string>;

// No link on the case number: admins do not read cases (web/staff/places.ts).
function Row({ v, m, item, departments }: { v: AdminView; m: Text; item: OutboxItem; departments: DepartmentNames }) {
  const r = item.recipient;
  return (
    <tr>
      <td>{shortTime(item.createdAt)}</td>
      <td>{m.templates[item.template] ?? item.template}</td>
      <td class="mono">{item.caseNumber ?? '—'}</td>
      <td>{r.type === 'department' ? departments.get(r.department) ?? r.department : r.type === 'reporter' ? m.reporter : m.address}</td>
      <td>{m.statuses[item.status]}</td>
      <td>{item.attempts}</td>
      <td>{item.sentAt ? shortTime(item.sentAt) : item.status === 'failed' ? '—' : shortTime(item.nextAttemptAt)}</td>
      <td>{item.lastError ?? '—'}</td>
      <td>
        {item.status === 'failed' && (
          <form method="post" action={href(v, `/staff/admin/outbox/${item.id}/retry`)} class="inline-form">
            {csrfField(v.csrf)}
            <button type="submit">{m.retry}</button>
          </form>
        )}
      </td>
    </tr>
  );
}

export function OutboxPage({ v, items, counts, status, notice, departments }: {
  v: AdminView; items: OutboxItem[]; counts: Record<OutboxStatus, number>; status?: OutboxStatus | undefined; notice?: string | undefined;
  departments: DepartmentNames;
}) {
  const m = text[v.lang];
  return (
    <AdminLayout v={v} title={m.title} notice={notice}>
      <p>{m.intro}</p>
      <Filters v={v} m={m} current={status} counts={counts} />
      {items.length === 0 ? <p>{m.empty}</p> : (
        <div class="table-scroll">
          <table class="table">
            <thead><tr>{m.columns.map((col) => <th scope="col">{col}</th>)}</tr></thead>
            <tbody>{items.map((item) => <Row v={v} m={m} item={item} departments={departments} />)}</tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

// A retry of a mail no longer failed (another admin was quicker) is a refused form, not a fault.
const outboxStatus = (status: number) => keepStatuses(400, 403, 404)(status === 409 ? 400 : status);

/** Mounted at /staff/admin/outbox, ahead of the other admin pages. */
export function outboxPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaffPage(deps, 'admin'), async (c) => {
    const query = outboxQuerySchema.parse(c.req.query());
    const v = adminView(c);
    const [{ items, counts }, departments] = await Promise.all([listOutbox(deps, query), listActiveDepartments(deps)]);
    const notice = c.req.query('done') === 'retry' ? text[v.lang].retried : undefined;
    const names = new Map(departments.map((d) => [d.code, d.name[v.lang]]));
    return renderAdmin(c, <OutboxPage v={v} items={items} counts={counts} status={query.status} notice={notice} departments={names} />);
  });
  app.post('/:id/retry', requireStaffPage(deps, 'admin'), requireCsrf, async (c) => {
    const id = outboxIdSchema.safeParse(c.req.param('id'));
    if (!id.success) throw new AppError('not_found', 'No such mail.');
    await retryOutbox(deps, c.get('actor'), id.data);
    return c.redirect(href(adminView(c), '/staff/admin/outbox?status=queued&done=retry'), 303);
  });
  app.onError(adminErrors(deps, outboxStatus));
  return app;
}
