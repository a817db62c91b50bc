/** A report's CSV files: one per table, and all tables in one file (the list's "Data (CSV)" link). */
import { csvFile } from '../../server/stats/report-csv.js';
import type { ReportData } from '../../server/stats/report-data.js';
import { readReportPeriod } from '../../server/stats/report-period.js';
import type { Lang } from '../i18n.js';
import { reportMessages } from './report-messages.js';
import { csvCell, reportTables, type ReportTable, type TableId } from './report-tables.js';

function tableRows(table: ReportTable, lang: Lang): string[][] {
  const m = reportMessages(lang);
  const head = table.codeHeader ? [table.codeHeader, ...table.headers] : table.headers;
  const body = table.rows.map((r) => [...(table.codeHeader ? [r.code ?? ''] : []), r.header, ...r.cells.map((cell) => csvCell(cell, m))]);
  return [head, ...body];
}

export const csvFileName = (period: string, id: TableId | 'all') => `report-${period}-${id}.csv`;

/** One table's CSV file, or null for an unknown table. */
export function tableCsv(data: ReportData, lang: Lang, id: string): string | null {
  const table = reportTables(data, lang).find((t) => t.id === id);
  return table ? csvFile(tableRows(table, lang)) : null;
}

/** Every table in one file: the report's title and note, then each table under its title, a blank line between. */
export function allTablesCsv(data: ReportData, lang: Lang): string {
  const m = reportMessages(lang);
  const p = readReportPeriod(data.period);
  const rows: string[][] = [
    [m.reportTitle(p ? m.periodLabel(p) : data.period)],
    [m.months, `${data.stats.from} – ${data.stats.to}`],
    [m.generatedAt, data.generatedAt],
    [m.suppressedNote],
  ];
  for (const table of reportTables(data, lang)) rows.push([], [table.title], ...tableRows(table, lang));
  return csvFile(rows);
}

/** Every file of a report for the command line: name → text. */
export function csvFiles(data: ReportData, lang: Lang): { name: string; text: string }[] {
  const tables = reportTables(data, lang).map((t) => ({ name: csvFileName(data.period, t.id), text: csvFile(tableRows(t, lang)) }));
  return [{ name: csvFileName(data.period, 'all'), text: allTablesCsv(data, lang) }, ...tables];
}
