/** The administration overview: what is here, the route preview box, and the latest changes. */
import type { AdminChange } from '../../server/admin/changes.service.js';
import { ChangesTable } from './changes-page.js';
import { href, type AdminView } from './context.js';
import { AdminLayout } from './layout.js';
import { PreviewForm, emptyPreview, type PreviewChoices } from './preview-page.js';

export function HomePage({ v, choices, recent }: { v: AdminView; choices: PreviewChoices; recent: AdminChange[] }) {
  const a = v.a;
  return (
    <AdminLayout v={v} title={a.title} current="home">
      <p>{a.home.intro}</p>
      <ul class="list">
        <li><a href={href(v, '/staff/admin/users')}>{a.nav.users}</a></li>
        <li><a href={href(v, '/staff/admin/departments')}>{a.nav.departments}</a></li>
        <li><a href={href(v, '/staff/admin/routing')}>{a.nav.routing}</a></li>
      </ul>
      <h2>{a.preview.title}</h2>
      <PreviewForm v={v} choices={choices} values={emptyPreview} />
      <h2>{a.home.recent}</h2>
      <ChangesTable v={v} items={recent} />
      <p><a href={href(v, '/staff/admin/changes')}>{a.home.allChanges}</a></p>
    </AdminLayout>
  );
}
