/** The public statistics: aggregates only, every count under 5 and every rate from fewer than 5 cases null. */
import { MAX_MONTHS } from '../stats/stats.schema.js';
import type { Operation } from './operation.js';
import { arr, int, nullable, obj, str } from './schema.js';

const month = (description: string) => str(description, { pattern: '^20\\d{2}-(0[1-9]|1[0-2])$' });
const count = (description: string) => nullable(int(`${description}; null under minCell`));
const rate = (description: string) => nullable({ type: 'number', minimum: 0, maximum: 1, description: `${description}, 0..1; null from fewer than minCell cases` });

const statsAnswer = obj({
  from: month('the first month (Beijing time)'),
  to: month('the last month, included'),
  minCell: int('the smallest count published (5)'),
  total: count('cases received in the period'),
  byMonth: arr(obj({ month: month('the month received'), domain: str('product, engineering, service or other'), count: count('cases') }),
    'every month of the period × every domain'),
  byCategory: arr(obj({ category: str('the category code'), count: count('cases') }), 'every category, ranked by count (nulls last)'),
  byCity: arr(obj({ region: str('the code of one of the 21 cities of Guangdong'), count: count('cases') }), 'every city, ranked by count (nulls last)'),
  timeliness: arr(obj({
    department: str('the department code'),
    decisions: count('decisions on acceptance (complaints), on opening a case (reports) and triage (injuries) that fell due'),
    onTimeRate: rate('the share decided within the statutory clock'),
  }), 'per department, ranked by onTimeRate'),
  medianWorkingDaysToClose: nullable({ type: 'number', description: 'median working days from receipt to close (61: more than 60); null from fewer than minCell closed cases' }),
  satisfaction: arr(obj({
    serviceClass: str('producer or consumer services', { enum: ['producer', 'consumer'] }),
    rate: rate('the share of ratings of 4 or 5'),
    n: count('ratings given'),
    target: { type: 'number', description: 'the provincial plan\'s target: producer 0.85, consumer 0.80' },
  })),
  rewards: obj({
    approved: count('rewards approved'),
    'paid?': count('rewards paid'),
    paidFen: nullable(int('the sum paid, in fen; null when fewer than minCell were paid')),
  }),
  kpis: arr(obj({
    department: str('the department code'),
    n: count('cases dispatched to it'),
    signRate: rate('signed for within the window'),
    onTimeRate: rate('clocks met'),
    returnRate: rate('dispatches returned'),
    rehandleRate: rate('closes handled again'),
    satisfactionRate: rate('ratings of 4 or 5'),
  }), 'the hotline KPIs per department, ranked by onTimeRate'),
});

export const statsOperations: Operation[] = [
  { method: 'get', path: '/api/v1/stats', tag: 'reference', auth: 'none', summary: 'Read the public statistics',
    description: `Cases by month and domain, category and city; decisions within the statutory clock and the hotline KPIs per department; `
      + `the median working days to close; satisfaction against the provincial targets; rewards. By default the last 12 months up to this one; `
      + `at most ${MAX_MONTHS} months. Aggregates only; cacheable for five minutes. The page /stats shows the same.`,
    query: obj({
      'from?': month('the first month, YYYY-MM (default: 11 months before `to`)'),
      'to?': month('the last month, YYYY-MM (default: this month, or 11 months after `from`)'),
    }),
    success: { status: 200, description: 'The statistics.', schema: statsAnswer } },
];
