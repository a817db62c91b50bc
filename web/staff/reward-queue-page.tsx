/** GET /staff/rewards: the reward queue for reward officers and approvers, with a status filter. */
import { REWARD_STATUSES } from '../../domain/vocabulary.js';
import type { listRewards } from '../../server/rewards/rewards.service.js';
import type { StaffView } from './context.js';
import { formatTime, formatYuan } from './format.js';
import { StaffLayout } from './layout.js';

type Queue = Awaited<ReturnType<typeof listRewards>>;
type Item = Queue['items'][number];

/** The queue's address with its filter and page, keeping the page language. */
export function rewardQueueHref(v: StaffView, status: string | undefined, cursor?: string): string {
  const q = new URLSearchParams();
  if (status) q.set('status', status);
  if (cursor) q.set('cursor', cursor);
  if (v.lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `/staff/rewards?${s}` : '/staff/rewards';
}

const money = (fen: number | undefined) => (fen === undefined ? '—' : formatYuan(fen));

/** One reward; each cell names its column (data-label), read out when a narrow screen turns rows into cards. */
function Row({ v, item }: { v: StaffView; item: Item }) {
  const r = v.t.staff.reward;
  const c = r.queue.columns;
  return (
    <tr>
      <th scope="row" data-label={c.caseNumber}><a href={`/staff/cases/${item.caseNumber}`}>{item.caseNumber}</a></th>
      <td data-label={c.status}>{r.statuses[item.status] ?? item.status}</td>
      <td data-label={c.level}>{item.level ?? '—'}</td>
      <td class="num" data-label={c.fine}>{money(item.fineFen)}</td>
      <td class="num" data-label={c.amount}>{money(item.amountFen)}</td>
      <td data-label={c.finance}>{item.financeSignOffRequired ? <strong>{r.queue.yes}</strong> : r.queue.no}</td>
      <td class="nowrap" data-label={c.updated}>{formatTime(item.updatedAt)}</td>
    </tr>
  );
}

function StatusFilter({ v, status }: { v: StaffView; status: string | undefined }) {
  const q = v.t.staff.reward.queue;
  return (
    <form method="get" action="/staff/rewards" class="filter-form">
      {v.lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <div class="filter-grid">
        <label class="label" for="reward-status">{q.status}
          <select class="select" id="reward-status" name="status">
            <option value="">{q.all}</option>
            {REWARD_STATUSES.map((s) => <option value={s} selected={status === s}>{v.t.staff.reward.statuses[s] ?? s}</option>)}
          </select>
        </label>
      </div>
      <button type="submit" class="button">{q.apply}</button>
    </form>
  );
}

export function RewardQueuePage({ v, queue, status, paged, notice }: {
  v: StaffView; queue: Queue; status: string | undefined; paged: boolean; notice?: string | undefined;
}) {
  const q = v.t.staff.reward.queue;
  const c = q.columns;
  return (
    <StaffLayout v={v} title={q.title} current="rewards">
      <h1>{q.title}</h1>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      <p><a href={v.lang === 'en' ? '/staff/rewards/rules?lang=en' : '/staff/rewards/rules'}>{q.rules}</a></p>
      <StatusFilter v={v} status={status} />
      {queue.items.length === 0 ? <p class="notice">{q.empty}</p> : (
        <div class="table-scroll">
          <table class="table queue-table reward-queue">
            <caption class="visually-hidden">{q.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{c.caseNumber}</th><th scope="col">{c.status}</th><th scope="col">{c.level}</th>
                <th scope="col">{c.fine}</th><th scope="col">{c.amount}</th><th scope="col">{c.finance}</th><th scope="col">{c.updated}</th>
              </tr>
            </thead>
            <tbody>{queue.items.map((item) => <Row v={v} item={item} />)}</tbody>
          </table>
        </div>
      )}
      <nav class="pager" aria-label={q.pages}>
        {paged && <a href={rewardQueueHref(v, status)}>{q.first}</a>}
        {queue.nextCursor && <a class="button button-secondary" rel="next" href={rewardQueueHref(v, status, queue.nextCursor)}>{q.next}</a>}
      </nav>
    </StaffLayout>
  );
}
