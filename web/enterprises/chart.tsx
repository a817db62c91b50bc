/**
 * A bar chart of complaints and reports received per year, as inline SVG (no script, no style
 * sheet: the page's policy forbids inline styles, so colours are presentation attributes). The
 * table beside it carries the same numbers for screen readers and for copying.
 */
import type { EnterpriseYear } from '../../server/enterprises/summary.js';
import type { EnterpriseMessages } from './messages.js';

// Both colours keep 3:1 against white (WCAG 1.4.11, graphical objects).
const COMPLAINT_FILL = '#0b3a78';
const REPORT_FILL = '#a34700';
const HEIGHT = 220;
const TOP = 34;
const BOTTOM = 28;
// As wide as a phone's column (390 px less the margins): more years make narrower bars.
const WIDTH = 340;
const LEFT = 12;
const GAP = 4;

export function YearChart({ m, years }: { m: EnterpriseMessages; years: readonly EnterpriseYear[] }) {
  const max = Math.max(1, ...years.flatMap((y) => [y.complaints, y.reports]));
  const width = WIDTH;
  const group = Math.min(72, (WIDTH - 2 * LEFT) / Math.max(years.length, 1));
  const bar = Math.max(4, Math.min(24, (group - 3 * GAP) / 2));
  const plot = HEIGHT - TOP - BOTTOM;
  const barHeight = (n: number) => Math.round((n / max) * plot);
  const column = (x: number, n: number, fill: string) => {
    const h = barHeight(n);
    return (
      <g>
        <rect x={x} y={TOP + plot - h} width={bar} height={Math.max(h, n > 0 ? 1 : 0)} fill={fill} />
        <text x={x + bar / 2} y={TOP + plot - h - 4} text-anchor="middle" font-size="12" fill="#1b1b1b">{n}</text>
      </g>
    );
  };
  return (
    <svg class="chart" viewBox={`0 0 ${width} ${HEIGHT}`} width={width} height={HEIGHT} role="img" aria-labelledby="year-chart-title year-chart-note"
      xmlns="http://www.w3.org/2000/svg">
      <title id="year-chart-title">{m.chartTitle}</title>
      <desc id="year-chart-note">{m.chartNote}</desc>
      <g aria-hidden="true">
        <rect x={LEFT} y={6} width={12} height={12} fill={COMPLAINT_FILL} />
        <text x={LEFT + 18} y={16} font-size="13" fill="#1b1b1b">{m.complaints}</text>
        <rect x={LEFT + 110} y={6} width={12} height={12} fill={REPORT_FILL} />
        <text x={LEFT + 128} y={16} font-size="13" fill="#1b1b1b">{m.reports}</text>
        <line x1={LEFT} y1={TOP + plot} x2={width - LEFT} y2={TOP + plot} stroke="#1b1b1b" stroke-width="1" />
        {years.map((y, i) => {
          const x = LEFT + i * group + (group - 2 * bar - GAP) / 2;
          return (
            <g>
              {column(x, y.complaints, COMPLAINT_FILL)}
              {column(x + bar + GAP, y.reports, REPORT_FILL)}
              <text x={x + bar + GAP / 2} y={HEIGHT - 8} text-anchor="middle" font-size={group < 44 ? '10' : '13'} fill="#1b1b1b">{y.year}</text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
