/** Directory rows as the API shows them (/api/v1/categories, regions, departments). */
import type { Category, Department, Region } from '../../db/schema.js';

export type Named = { zh: string; en: string };

export const regionView = (r: Region) => ({
  code: r.code,
  name: { zh: r.name_zh, en: r.name_en },
  parent: r.parent,
  level: r.level,
});

export const categoryView = (c: Category) => ({
  code: c.code,
  domain: c.domain,
  name: { zh: c.name_zh, en: c.name_en },
  kinds: c.kinds.split(',').map((k) => k.trim()).filter(Boolean),
  agency: c.agency,
  serviceClass: c.service_class,
});

export const departmentView = (d: Department) => ({
  code: d.code,
  name: { zh: d.name_zh, en: d.name_en },
  agency: d.agency,
  region: d.region,
});

export const departmentRef = (d: Pick<Department, 'code' | 'name_zh' | 'name_en'>) => ({
  code: d.code,
  name: { zh: d.name_zh, en: d.name_en },
});
