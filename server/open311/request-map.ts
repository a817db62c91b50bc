/**
 * A case as an Open311 service request. Pure. Only what the public may read: the case number,
 * the coarse status, the category, the redacted description, the lead department, the dates and
 * the location. Never the reporter (no name, phone, e-mail or address of theirs).
 */
import type { CaseStatus } from '../../domain/vocabulary.js';
import type { DirectorySnapshot } from '../directory/snapshot.js';
import type { Open311Lang } from './texts.js';

export interface RequestRow {
  case_number: string;
  status: CaseStatus;
  category: string;
  description: string;
  department: string | null;
  subject_address: string | null;
  received_at: string;
  updated_at: string;
  closed_at: string | null;
  next_due_at: string | null;
  lat: number | null;
  long: number | null;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

const ENDED: readonly CaseStatus[] = ['closed', 'merged'];

export const open311Status = (status: CaseStatus): 'open' | 'closed' => (ENDED.includes(status) ? 'closed' : 'open');

/** The case statuses an Open311 status stands for (a filter). */
export const statusesFor = (status: 'open' | 'closed', all: readonly CaseStatus[]): CaseStatus[] =>
  all.filter((s) => open311Status(s) === status);

/** W3C date-time in China Standard Time, whole seconds: 2026-11-26T10:00:00+08:00. */
export function w3c(at: string): string {
  const ms = new Date(at).getTime();
  return new Date(ms + 8 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** The spec's request.json allows at most 4000 characters (code points). */
function clip(text: string): string {
  const points = [...text];
  return points.length <= 4000 ? text : `${points.slice(0, 3999).join('')}…`;
}

export function requestOf(row: RequestRow, dir: DirectorySnapshot, intakeCentre: string, lang: Open311Lang): Open311Request {
  const category = dir.categories.get(row.category);
  const lead = dir.departments.get(row.department ?? intakeCentre);
  const status = open311Status(row.status);
  return {
    service_request_id: row.case_number,
    status,
    status_notes: null,
    service_name: category ? (lang === 'en' ? category.name_en : category.name_zh) : null,
    service_code: row.category,
    description: clip(row.description),
    agency_responsible: lead ? (lang === 'en' ? lead.name_en : lead.name_zh) : null,
    service_notice: null,
    requested_datetime: w3c(row.received_at),
    updated_datetime: w3c(status === 'closed' && row.closed_at ? row.closed_at : row.updated_at),
    expected_datetime: status === 'open' && row.next_due_at ? w3c(row.next_due_at) : null,
    address: row.subject_address,
    address_id: null,
    zipcode: null,
    lat: row.lat,
    long: row.long,
    media_url: null,
  };
}
