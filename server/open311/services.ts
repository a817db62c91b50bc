/**
 * The directory's categories as Open311 services and their service definitions. Pure: the
 * category rows come in, the answers go out. Every category has a definition (the business's
 * name is always asked), so `metadata` is true for each.
 */
import type { Category } from '../../db/schema.js';
import { CASE_KINDS, RELATIONS, SEVERITIES, type CaseKind } from '../../domain/vocabulary.js';
import { open311Texts, type Open311Lang } from './texts.js';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export const kindsOf = (category: Pick<Category, 'kinds'>): CaseKind[] =>
  category.kinds.split(',').map((k) => k.trim()).filter((k): k is CaseKind => (CASE_KINDS as readonly string[]).includes(k));

export function serviceOf(category: Category, lang: Open311Lang): Open311Service {
  const t = open311Texts[lang];
  const group = t.domains[category.domain] ?? category.domain;
  return {
    service_code: category.code,
    service_name: lang === 'en' ? category.name_en : category.name_zh,
    description: lang === 'en' ? category.name_zh : category.name_en,
    metadata: true,
    type: 'realtime',
    keywords: [group, ...kindsOf(category).map((k) => t.kinds[k])].join(','),
    group: category.domain,
  };
}

/** Categories in the directory's order (sort, then code). */
export function servicesOf(categories: Iterable<Category>, lang: Open311Lang): Open311Service[] {
  return [...categories]
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
    .map((c) => serviceOf(c, lang));
}

type Draft = Omit<Open311Attribute, 'order' | 'variable' | 'description' | 'datatype_description'>;

/** The attributes a category asks for: those of the kinds it takes, in a fixed order. */
export function definitionOf(category: Category, lang: Open311Lang): ServiceDefinition {
  const t = open311Texts[lang];
  const kinds = kindsOf(category);
  const list = <K extends string>(keys: readonly K[], names: Record<K, string>) => keys.map((key) => ({ key, name: names[key] }));
  const drafts: Draft[] = [
    { code: 'kind', datatype: 'singlevaluelist', required: false, values: list(kinds, t.kinds) },
    { code: 'subject_name', datatype: 'string', required: true },
    { code: 'credit_code', datatype: 'string', required: false },
    ...(kinds.includes('injury') ? [{ code: 'severity', datatype: 'singlevaluelist', required: false, values: list(SEVERITIES, t.severities) } as Draft] : []),
    { code: 'occurred_on', datatype: 'datetime', required: false },
    ...(kinds.includes('complaint') ? [
      { code: 'claim', datatype: 'text', required: false } as Draft,
      { code: 'complainant_address', datatype: 'string', required: false } as Draft,
    ] : []),
    ...(kinds.includes('report') ? [
      { code: 'reward', datatype: 'singlevaluelist', required: false, values: list(['false', 'true'] as const, t.yesNo) } as Draft,
      { code: 'relation', datatype: 'singlevaluelist', required: false, values: list(RELATIONS, t.relations) } as Draft,
    ] : []),
  ];
  return {
    service_code: category.code,
    attributes: drafts.map((d, i) => ({
      variable: true,
      code: d.code,
      datatype: d.datatype,
      required: d.required,
      datatype_description: t.attributes[d.code]?.datatype_description ?? null,
      order: i + 1,
      description: t.attributes[d.code]?.description ?? d.code,
      ...(d.values ? { values: d.values } : {}),
    })),
  };
}
