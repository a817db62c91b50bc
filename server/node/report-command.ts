/**
 * `report --period 2026-11|2026-Q3|2026`: generates the period's report (stored, so the site lists
 * it), writes its HTML (zh-CN, zh-Hant, en) and CSV files under INTAKE_DATA_DIR/reports/<period>/ and
 * prints their absolute paths, one per line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseReportPeriod } from '../stats/report-period.js';
import { generateReport } from '../stats/reports.service.js';
import { csvFiles } from '../../web/stats/report-csv-files.js';
import { reportHtml } from '../../web/stats/report-document.js';
import type { FlagCommand } from './account-commands.js';

const HTML_FILES = [['zh', 'report.html'], ['zh-Hant', 'report.zh-Hant.html'], ['en', 'report.en.html']] as const;

export const reportCommands: Record<string, FlagCommand> = {
  report: {
    help: 'report --period P           generate the statistics report of a month (2026-11), quarter (2026-Q3) or year (2026):\n' +
      '                              writes HTML and CSV under INTAKE_DATA_DIR/reports/P/ and prints their paths',
    options: { period: { type: 'string' } },
    required: ['period'],
    async run({ deps }, flags) {
      const period = parseReportPeriod(String(flags.period ?? ''));
      const data = await generateReport(deps, period.period, 'cli');
      const dir = join(resolve(deps.config.INTAKE_DATA_DIR), 'reports', period.period);
      await mkdir(dir, { recursive: true });
      const written: string[] = [];
      for (const [lang, name] of HTML_FILES) {
        const path = join(dir, name);
        await writeFile(path, await reportHtml(data, lang, true));
        written.push(path);
      }
      for (const file of csvFiles(data, 'zh')) {
        const path = join(dir, file.name);
        await writeFile(path, file.text);
        written.push(path);
      }
      return written.join('\n');
    },
  },
};
