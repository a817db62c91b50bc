/**
 * The directory (regions, agencies, departments with jurisdictions, categories, routing rules) as
 * data: parsed from the TSV files in db/seed/data and upserted, so a re-import edits in place and
 * never drops a department that cases point to.
 */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database, RegionLevel } from '../schema.js';

export interface DirectoryFiles {
  regions: string;
  agencies: string;
  departments: string;
  categories: string;
  routingRules: string;
}

type Row = Record<string, string>;

/** Parses a header-first TSV into objects keyed by the header's column names. */
export function parseTsv(text: string): Row[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rest] = lines;
  if (!header) return [];
  const columns = header.split('\t').map((c) => c.trim());
  return rest.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((c, i) => [c, (cells[i] ?? '').trim()]));
  });
}

function regionLevel(code: string, parent: string): RegionLevel {
  if (!parent) return 'province';
  return code.endsWith('00') ? 'city' : 'district';
}

function need(row: Row, column: string, file: string): string {
  const value = row[column];
  if (!value) throw new Error(`${file}: a row lacks "${column}": ${JSON.stringify(row)}`);
  return value;
}

/** Compiles the upserts for the whole directory, in dependency order. */
export function directoryQueries(db: Kysely<Database>, files: DirectoryFiles): CompiledQuery[] {
  const queries: CompiledQuery[] = [];
  for (const r of parseTsv(files.regions)) {
    const row = {
      code: need(r, 'code', 'regions'),
      parent: r.parent || null,
      level: regionLevel(r.code!, r.parent ?? ''),
      name_zh: need(r, 'zh', 'regions'),
      name_en: need(r, 'en', 'regions'),
    };
    queries.push(db.insertInto('regions').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).compile());
  }
  for (const a of parseTsv(files.agencies)) {
    const row = {
      code: need(a, 'agency', 'agencies'),
      levels: need(a, 'levels', 'agencies'),
      name_zh: need(a, 'province_zh', 'agencies'),
      city_name_zh: a.city_zh || null,
      name_en: need(a, 'en', 'agencies'),
    };
    queries.push(db.insertInto('agencies').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).compile());
  }
  for (const d of parseTsv(files.departments)) {
    const row = {
      code: need(d, 'code', 'departments'),
      agency: need(d, 'agency', 'departments'),
      region: need(d, 'region', 'departments'),
      name_zh: need(d, 'zh', 'departments'),
      name_en: need(d, 'en', 'departments'),
      email: d.email || null,
    };
    queries.push(db.insertInto('departments').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).compile());
    // A department covers at least its own region (and so everything below it).
    queries.push(
      db.insertInto('department_jurisdictions').values({ department: row.code, region: row.region })
        .onConflict((oc) => oc.doNothing()).compile(),
    );
  }
  parseTsv(files.categories).forEach((c, sort) => {
    const row = {
      code: need(c, 'code', 'categories'),
      domain: need(c, 'domain', 'categories'),
      agency: c.agency || null,
      kinds: need(c, 'kinds', 'categories'),
      service_class: c.service_class || null,
      name_zh: need(c, 'zh', 'categories'),
      name_en: need(c, 'en', 'categories'),
      sort,
    };
    queries.push(db.insertInto('categories').values(row).onConflict((oc) => oc.column('code').doUpdateSet(row)).compile());
  });
  for (const r of parseTsv(files.routingRules)) {
    const kind = r.kind ? (r.kind as 'complaint' | 'report' | 'injury') : null;
    const row = {
      id: need(r, 'id', 'routing_rules'),
      category: need(r, 'category', 'routing_rules'),
      kind,
      agency: need(r, 'agency', 'routing_rules'),
      priority: Number(r.priority || 0),
      note: r.note || null,
    };
    queries.push(db.insertInto('routing_rules').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).compile());
  }
  return queries;
}
