/** What every staff page needs: language, the signed-in actor, the CSRF token and directory names. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../server/deps.js';
import type { Named } from '../../server/directory/directory.js';
import { listActiveDepartments, listCategoryEntries, listRegionEntries } from '../../server/directory/directory.service.js';
import type { Actor, StaffEnv } from '../../server/staff/auth.middleware.js';
import type { Messages, StaffLang as Lang } from '../i18n.js';
import { resolveLang, switchHref } from '../lang.js';

export interface Lookups {
  categories: ReadonlyMap<string, Named>;
  regions: ReadonlyMap<string, Named>;
  departments: { code: string; name: Named; region: string; agency: string }[];
}

export interface StaffView {
  t: Messages;
  lang: Lang;
  /** Absent only on an error page reached without a session. */
  actor?: Actor | undefined;
  csrf: string;
  switchHref: string;
  lookups: Lookups;
}

export async function loadLookups(deps: Deps): Promise<Lookups> {
  const [categories, regions, departments] = await Promise.all([
    listCategoryEntries(deps), listRegionEntries(deps), listActiveDepartments(deps),
  ]);
  const named = (e: { code: string; name: Named }) => [e.code, e.name] as const;
  return {
    categories: new Map(categories.map(named)),
    regions: new Map(regions.map(named)),
    departments: departments.map((d) => ({ code: d.code, name: d.name, region: d.region, agency: d.agency })),
  };
}

export async function staffView(c: Context<StaffEnv>, deps: Deps): Promise<StaffView> {
  const { lang, t } = resolveLang(c, 'staff');
  const session = c.get('staffSession') as StaffEnv['Variables']['staffSession'] | undefined;
  return {
    t, lang,
    actor: c.get('actor') as Actor | undefined,
    csrf: session?.csrfToken ?? '',
    switchHref: switchHref(c, t.switchLang),
    lookups: await loadLookups(deps),
  };
}

/** The name of a directory code in the page language, or the code itself when unknown. */
export function nameOf(map: ReadonlyMap<string, Named>, code: string, lang: Lang): string {
  return map.get(code)?.[lang] ?? code;
}

export function departmentName(v: StaffView, code: string | null): string | null {
  if (code === null) return null;
  return v.lookups.departments.find((d) => d.code === code)?.name[v.lang] ?? code;
}

/** Staff pages show case data: never cached, never indexed. */
export async function renderStaff(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${String(await page)}`, status);
}
