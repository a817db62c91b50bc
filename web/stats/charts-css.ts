/** The charts' stylesheet (web/stats/charts.tsx), served at /stats/charts.css: no inline style, for the CSP. */

/** The stylesheet the charts need; served at CHARTS_CSS_HREF and linked by ChartStyles. */
export const CHARTS_CSS = `
.stats-figure { margin: 1.5rem 0 2.5rem; }
.stats-figure figcaption { font-weight: 700; font-size: 1.1rem; margin: 0 0 .25rem; }
.stats-figure .stats-note { margin: 0 0 .5rem; color: #484949; font-size: .95rem; }
.stats-chart svg { display: block; width: 100%; max-width: 34rem; height: auto; margin: .5rem 0; }
.stats-figure .table td.num, .stats-figure .table th.num, .stats-table td.num, .stats-table th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.stats-summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; margin: 1rem 0; padding: 0; }
.stats-summary div { border: 1px solid #b1b4b6; border-top: 4px solid #0b3a78; padding: .5rem .75rem; }
.stats-summary dt { font-size: .95rem; color: #484949; }
.stats-summary dd { margin: .25rem 0 0; font-size: 1.4rem; font-weight: 700; }
.stats-legend { border-left: 4px solid #b1b4b6; padding: .25rem .75rem; margin: 1rem 0; }
.stats-fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.stats-form { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; margin: 1rem 0; }
.stats-form .field { margin-bottom: 0; }
.stats-form .input { width: 8rem; }
@media print { .stats-form, .stats-search { display: none !important; } .stats-figure { break-inside: avoid; } }
`;
