/** The periodic statistics reports: the public list and generating one on demand. */
import { generateReportSchema } from '../stats/reports.schema.js';
import type { Operation } from './operation.js';
import { arr, obj, str, time } from './schema.js';

const listing = obj({
  period: str('the period: a month 2026-11, a quarter 2026-Q3 or a year 2026'),
  kind: str('month, quarter or year', { enum: ['month', 'quarter', 'year'] }),
  generatedAt: time(),
  htmlUrl: str('the printable HTML report (?lang=zh|zh-Hant|en)'),
  csvUrl: str('every table in one CSV file (UTF-8 with BOM); one table at the same folder\'s <table>.csv'),
});

export const reportOperations: Operation[] = [
  { method: 'get', path: '/api/v1/stats/reports', tag: 'reference', auth: 'none', summary: 'List the periodic statistics reports',
    description: 'Every generated report, latest months first. The sweeper generates each month once it has ended (Beijing time). '
      + 'Aggregates only: a count under 5 is "<5" and a rate from fewer than 5 cases blank, in the HTML and the CSV.',
    success: { status: 200, description: 'The reports.', schema: obj({ reports: arr(listing) }) } },
  { method: 'post', path: '/api/v1/staff/reports', tag: 'cases', auth: 'staff', roles: ['intake', 'supervisor'],
    summary: 'Generate the report of a period', body: generateReportSchema,
    description: 'Generates the report now from the statistics, replacing an earlier one of the same period. A period in another form, '
      + 'or one not yet begun, is a 400.',
    success: { status: 201, description: 'The report as listed.', schema: listing } },
];
