/** The body of POST /api/v1/staff/reports: the period whose report to generate. */
import { z } from 'zod';
import { PERIOD_FORMS, readReportPeriod } from './report-period.js';

export const generateReportSchema = z.object({
  period: z.string().max(20).refine((value) => readReportPeriod(value) !== null, { message: `give ${PERIOD_FORMS}` }),
}).strict();
