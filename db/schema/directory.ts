/** The directory tables (regions, agencies, departments, categories, routing rules) and the calendar. */
import type { Generated } from 'kysely';
import type { CaseKind } from '../../domain/vocabulary.js';

export type RegionLevel = 'province' | 'city' | 'district';

export interface RegionTable {
  code: string;
  parent: string | null;
  level: RegionLevel;
  name_zh: string;
  name_en: string;
}

export interface AgencyTable {
  code: string;
  levels: string;
  name_zh: string;
  city_name_zh: string | null;
  name_en: string;
}

export interface DepartmentTable {
  code: string;
  agency: string;
  region: string;
  name_zh: string;
  name_en: string;
  email: string | null;
  active: Generated<number>;
}

export interface DepartmentJurisdictionTable {
  department: string;
  region: string;
}

export interface CategoryTable {
  code: string;
  domain: string;
  agency: string | null;
  kinds: string;
  service_class: string | null;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface RoutingRuleTable {
  id: string;
  category: string;
  kind: CaseKind | null;
  agency: string;
  priority: number;
  active: Generated<number>;
  note: string | null;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: string;
}

export interface CalendarDayTable {
  date: string;
  working: number;
  name: string;
}

export interface CaseSequenceTable {
  day: string;
  last: number;
}
