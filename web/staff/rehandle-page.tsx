/** GET /staff/rehandle: the intake centre's re-handling suggestions (重办), from reporters' low ratings. */
import type { rehandleSuggestions } from '../../server/satisfaction/rehandle.service.js';
import { departmentName, type StaffView } from './context.js';
import { formatTime } from './format.js';
import { StaffLayout } from './layout.js';
import { satisfactionMessages } from './messages-satisfaction.js';

type Suggestions = Awaited<ReturnType<typeof rehandleSuggestions>>;

export function RehandlePage({ v, list }: { v: StaffView; list: Suggestions }) {
  const m = satisfactionMessages(v.lang);
  const lang = v.lang === 'en' ? '?lang=en' : '';
  return (
    <StaffLayout v={v} title={m.title} current="rehandle">
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {list.items.length === 0 ? <p class="notice">{m.empty}</p> : (
        // A table wider than a phone scrolls: the keyboard must reach it too.
        <div class="table-scroll" tabindex={0} role="region" aria-label={m.title}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{m.caseNumber}</th><th scope="col">{m.department}</th><th scope="col">{m.score}</th>
                <th scope="col">{m.resolved}</th><th scope="col">{m.ratedAt}</th><th scope="col">{m.state}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr data-case={i.caseNumber}>
                  <th scope="row"><a href={`/staff/cases/${i.caseNumber}${lang}`}>{i.caseNumber}</a></th>
                  <td>{departmentName(v, i.department) ?? m.noDepartment}</td>
                  <td class="nowrap">{`${i.score} / 5`}</td>
                  <td>{i.resolved ? m.yes : m.no}</td>
                  <td><time datetime={i.ratedAt}>{formatTime(i.ratedAt)}</time></td>
                  <td>{i.rehandled ? <span class="badge">{m.rehandled}</span> : m.notYet}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
