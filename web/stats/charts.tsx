/**
 * Charts of the public statistics, drawn as SVG on the server (README, "Public statistics"): each is a <figure>
 * whose caption names it, an SVG read as one labelled image, and a real table beside it with the same
 * numbers, so it reads without JavaScript, in print and with a screen reader. The components take what
 * to show already formatted: a suppressed cell arrives as a null value with its shown text (e.g. '<5'),
 * and is drawn as text only, never as a bar of some length. Used by /stats and the periodic reports.
 */
import type { Child } from 'hono/jsx';
import { DataTable } from './data-table.js';

/** The width of every chart in SVG units; the stylesheet (CHARTS_CSS) scales it to the column. */
const WIDTH = 440;
const INK = '#1b1b1b';
const MUTED = '#484949';
const BAR = '#0b3a78';
const TRACK = '#e1e3e5';
const TARGET = '#a4161a';
const FONT = 13;

/** One colour per series of a column chart (dark enough to tell apart on white, and in grey print). */
export const SERIES_COLOURS = ['#0b3a78', '#b35c00', '#00703c', '#6f4e7c', '#5a5a5a'] as const;

export { CHARTS_CSS } from './charts-css.js';

export const CHARTS_CSS_HREF = '/stats/charts.css';

/** The charts' stylesheet; a <link> may stand in the body, so any page (or report) showing charts includes it. */
export function ChartStyles() {
  return <link rel="stylesheet" href={CHARTS_CSS_HREF} />;
}

export { DataTable, type DataTableProps, type TableRow } from './data-table.js';

interface FigureProps {
  id: string;
  title: string;
  note?: string | undefined;
  children?: Child;
}

function Figure({ id, title, note, children }: FigureProps) {
  return (
    <figure class="stats-figure" id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      {note && <p class="stats-note">{note}</p>}
      {children}
    </figure>
  );
}

/** The SVG as one image named by its <title> and described by its <desc>. */
function Svg({ id, title, summary, height, children }: { id: string; title: string; summary: string; height: number; children?: Child }) {
  return (
    <div class="stats-chart">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height}
        role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {children}
      </svg>
    </div>
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export interface Bar {
  label: string;
  /** null when suppressed: no bar is drawn, only `shown`. */
  value: number | null;
  /** The value as the table shows it. */
  shown: string;
}

export interface BarChartProps {
  /** Unique in the page: the ids of the figure, caption, title and description derive from it. */
  id: string;
  title: string;
  /** Read by a screen reader after the title: what the chart shows and that the table has the numbers. */
  summary: string;
  note?: string;
  /** The table's caption (defaults to the title) and its two column headers. */
  caption?: string;
  labelHeader: string;
  valueHeader: string;
  /** In the order drawn (ranked by the caller). */
  bars: Bar[];
  /** Draw only the first `limit` bars (the table lists all). */
  limit?: number;
}

/** Ranked horizontal bars of counts, each labelled, with its table. */
export function BarChart(props: BarChartProps) {
  const drawn = props.bars.slice(0, props.limit ?? props.bars.length);
  const row = 36;
  const height = Math.max(drawn.length, 1) * row + 4;
  const room = WIDTH - 70;
  const max = Math.max(1, ...drawn.map((b) => b.value ?? 0));
  return (
    <Figure id={props.id} title={props.title} note={props.note}>
      <Svg id={`${props.id}-svg`} title={props.title} summary={props.summary} height={height}>
        {drawn.map((bar, i) => {
          const y = i * row;
          const length = bar.value === null ? 0 : round1(Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * room));
          return (
            <g>
              <text x="2" y={y + 13} font-size={FONT} fill={INK}>{bar.label}</text>
              {length > 0 && <rect x="2" y={y + 18} width={length} height="12" fill={BAR} />}
              <text x={2 + length + 6} y={y + 29} font-size={FONT} fill={bar.value === null ? MUTED : INK}>{bar.shown}</text>
            </g>
          );
        })}
      </Svg>
      <DataTable id={`${props.id}-table`} caption={props.caption ?? props.title} headers={[props.labelHeader, props.valueHeader]}
        rows={props.bars.map((b) => ({ header: b.label, cells: [b.shown] }))} />
    </Figure>
  );
}

export interface RateBar {
  label: string;
  /** A share 0..1, or null when suppressed (fewer cases than the minimum). */
  rate: number | null;
  /** The rate as shown on the bar, e.g. '87.5%' or '—'. */
  shown: string;
  /** A target share 0..1 drawn as a line across the bar. */
  target?: number;
  /** The table's cells after the row header (the rate among them, as the caller orders them). */
  cells: string[];
}

export interface TargetBarsProps {
  id: string;
  title: string;
  summary: string;
  note?: string;
  caption?: string;
  /** Table headers: the first over the labels, then one per cell. */
  headers: string[];
  bars: RateBar[];
  /** The legend's text for the target line, e.g. 'Target (dashed line)'; drawn when any bar has a target. */
  targetLegend?: string;
  limit?: number;
}

/** Horizontal bars of shares on a 0–100 % scale, each with its target drawn as a dashed line, and its table. */
export function TargetBars(props: TargetBarsProps) {
  const drawn = props.bars.slice(0, props.limit ?? props.bars.length);
  const hasTargets = drawn.some((b) => b.target !== undefined) && props.targetLegend !== undefined;
  const top = hasTargets ? 24 : 0;
  const row = 38;
  const height = top + Math.max(drawn.length, 1) * row + 4;
  const room = WIDTH - 70;
  const x = (share: number) => round1(2 + Math.min(1, Math.max(0, share)) * room);
  return (
    <Figure id={props.id} title={props.title} note={props.note}>
      <Svg id={`${props.id}-svg`} title={props.title} summary={props.summary} height={height}>
        {hasTargets && (
          <g>
            <line x1="2" x2="26" y1="9" y2="9" stroke={TARGET} stroke-width="2" stroke-dasharray="4 3" />
            <text x="32" y="13" font-size={FONT} fill={INK}>{props.targetLegend}</text>
          </g>
        )}
        {drawn.map((bar, i) => {
          const y = top + i * row;
          return (
            <g>
              <text x="2" y={y + 13} font-size={FONT} fill={INK}>{bar.label}</text>
              <rect x="2" y={y + 18} width={room} height="12" fill={TRACK} />
              {bar.rate !== null && bar.rate > 0 && <rect x="2" y={y + 18} width={x(bar.rate) - 2} height="12" fill={BAR} />}
              {bar.target !== undefined && (
                <line x1={x(bar.target)} x2={x(bar.target)} y1={y + 14} y2={y + 34} stroke={TARGET} stroke-width="2" stroke-dasharray="4 3" />
              )}
              <text x={2 + room + 6} y={y + 29} font-size={FONT} fill={bar.rate === null ? MUTED : INK}>{bar.shown}</text>
            </g>
          );
        })}
      </Svg>
      <DataTable id={`${props.id}-table`} caption={props.caption ?? props.title} headers={props.headers}
        rows={props.bars.map((b) => ({ header: b.label, cells: b.cells }))} />
    </Figure>
  );
}

export interface ColumnSeries { label: string }

export interface Column {
  /** The row header in the table, e.g. '2026-05'. */
  label: string;
  /** The tick under the column, e.g. '05'. */
  tick: string;
  /** A second line under the tick, e.g. the year under its first month. */
  subTick?: string;
  /** One value per series (null: suppressed, not drawn) and its shown text. */
  values: (number | null)[];
  shown: string[];
}

export interface ColumnChartProps {
  id: string;
  title: string;
  summary: string;
  note?: string;
  caption?: string;
  labelHeader: string;
  series: ColumnSeries[];
  columns: Column[];
}

/** Stacked columns (e.g. one per month, stacked by domain) with a legend, and its table (a row per column). */
export function ColumnChart(props: ColumnChartProps) {
  const perRow = props.series.length <= 4 ? 4 : 3;
  const legendRows = Math.ceil(props.series.length / perRow);
  const top = legendRows * 20 + 12;
  const plot = 180;
  const left = 40;
  const bottom = 40;
  const height = top + plot + bottom;
  const n = Math.max(props.columns.length, 1);
  const step = (WIDTH - left - 4) / n;
  const barWidth = round1(Math.max(2, step * 0.7));
  const totals = props.columns.map((c) => c.values.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const max = niceMax(Math.max(1, ...totals));
  const yOf = (value: number) => round1(top + plot - (value / max) * plot);
  const tickEvery = n <= 12 ? 1 : n <= 24 ? 2 : 3;
  return (
    <Figure id={props.id} title={props.title} note={props.note}>
      <Svg id={`${props.id}-svg`} title={props.title} summary={props.summary} height={height}>
        {props.series.map((s, i) => {
          const lx = 2 + (i % perRow) * (perRow === 4 ? 108 : 145);
          const ly = Math.floor(i / perRow) * 20;
          return (
            <g>
              <rect x={lx} y={ly + 3} width="12" height="12" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} />
              <text x={lx + 18} y={ly + 14} font-size={FONT} fill={INK}>{s.label}</text>
            </g>
          );
        })}
        {[0, max / 2, max].filter((tick) => Number.isInteger(tick)).map((tick) => (
          <g>
            <line x1={left} x2={WIDTH - 2} y1={yOf(tick)} y2={yOf(tick)} stroke={TRACK} stroke-width="1" />
            <text x={left - 6} y={yOf(tick) + 4} font-size={FONT - 2} fill={INK} text-anchor="end">{formatTick(tick)}</text>
          </g>
        ))}
        {props.columns.map((column, ci) => {
          const cx = left + ci * step + (step - barWidth) / 2;
          let base = 0;
          return (
            <g>
              {column.values.map((value, si) => {
                if (value === null || value <= 0) return null;
                const y0 = yOf(base);
                base += value;
                const y1 = yOf(base);
                return <rect x={round1(cx)} y={y1} width={barWidth} height={round1(y0 - y1)} fill={SERIES_COLOURS[si % SERIES_COLOURS.length]} />;
              })}
              {ci % tickEvery === 0 && (
                <text x={round1(cx + barWidth / 2)} y={top + plot + 15} font-size={FONT - 2} fill={INK} text-anchor="middle">{column.tick}</text>
              )}
              {column.subTick && (
                <text x={round1(cx + barWidth / 2)} y={top + plot + 31} font-size={FONT - 2} fill={INK} text-anchor="middle">{column.subTick}</text>
              )}
            </g>
          );
        })}
        <line x1={left} x2={WIDTH - 2} y1={top + plot} y2={top + plot} stroke={INK} stroke-width="1" />
      </Svg>
      <DataTable id={`${props.id}-table`} caption={props.caption ?? props.title} headers={[props.labelHeader, ...props.series.map((s) => s.label)]}
        rows={props.columns.map((c) => ({ header: c.label, cells: c.shown }))} />
    </Figure>
  );
}

/** The axis top: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1)));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function formatTick(value: number): string {
  return String(value);
}
