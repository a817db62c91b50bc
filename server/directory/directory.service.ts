/**
 * The directory as pages list it, each entry named in both languages. Categories and departments
 * come from the cached snapshot (snapshot.ts); regions' names and the agencies, which it does not
 * hold, from their tables.
 */
import { CASE_KINDS, type CaseKind } from '../../domain/vocabulary.js';
import type { Deps } from '../deps.js';
import { listAgencies, listRegions } from './directory.repository.js';
import type { Named } from './directory.js';
import { directorySnapshot } from './snapshot.js';

export interface DirectoryEntry { code: string; name: Named }
export interface CategoryEntry extends DirectoryEntry { domain: string; kinds: CaseKind[] }
export interface RegionEntry extends DirectoryEntry { parent: string | null }
export interface DepartmentEntry extends DirectoryEntry { region: string; agency: string }

const isKind = (value: string): value is CaseKind => (CASE_KINDS as readonly string[]).includes(value);
const named = (r: { code: string; name_zh: string; name_en: string }): DirectoryEntry => ({ code: r.code, name: { zh: r.name_zh, en: r.name_en } });
const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/** Every category in directory order (its sort number, then code), with the kinds of case it takes. */
export async function listCategoryEntries(deps: Pick<Deps, 'db'>): Promise<CategoryEntry[]> {
  const rows = [...(await directorySnapshot(deps.db)).categories.values()];
  return rows
    .sort((a, b) => a.sort - b.sort || byCode(a, b))
    .map((c) => ({ ...named(c), domain: c.domain, kinds: c.kinds.split(',').map((k) => k.trim()).filter(isKind) }));
}

/** The active departments, by code. */
export async function listActiveDepartments(deps: Pick<Deps, 'db'>): Promise<DepartmentEntry[]> {
  const rows = [...(await directorySnapshot(deps.db)).departments.values()];
  return rows.filter((d) => d.active === 1).sort(byCode).map((d) => ({ ...named(d), region: d.region, agency: d.agency }));
}

/** Every region, by code, with its parent. */
export async function listRegionEntries(deps: Pick<Deps, 'db'>): Promise<RegionEntry[]> {
  return (await listRegions(deps.db)).map((r) => ({ ...named(r), parent: r.parent }));
}

/** Every agency (the kinds of department, e.g. the market regulator), by code. */
export async function listAgencyEntries(deps: Pick<Deps, 'db'>): Promise<DirectoryEntry[]> {
  return (await listAgencies(deps.db)).map(named);
}
