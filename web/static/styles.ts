/** /static/app.css: mobile first, system fonts, AA contrast, visible focus, a print layout. */
export const appCss = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: #1b1b1b; background: #fff; line-height: 1.6; font-size: 1rem;
  font-family: system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
}
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 2rem 0 .75rem; }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
a { color: #1a4fa0; text-decoration-thickness: .08em; text-underline-offset: .15em; }
a:hover { color: #0f2f61; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, main:focus-visible {
  outline: 3px solid #f2b600; outline-offset: 0; box-shadow: 0 0 0 5px #1b1b1b;
}
main:focus { outline: none; box-shadow: none; }
.skip-link { position: absolute; left: -9999px; top: 0; background: #f2b600; color: #1b1b1b; padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0; }
.site-header { background: #0b3a78; color: #fff; padding: .75rem 0; }
.header-inner { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.site-name { color: #fff; font-weight: 700; font-size: 1.05rem; text-decoration: none; }
.site-name:hover, .lang-switch a:hover { color: #fff; text-decoration: underline; }
.lang-switch a, .lang-switch .link-button { color: #fff; }
.lang-switch .link-button:hover { text-decoration: underline; }
.lang-switch ul { display: flex; gap: .75rem; list-style: none; margin: 0; padding: 0; }
.lang-switch [aria-current] { font-weight: 700; border-bottom: 2px solid #fff; }
.site-footer { margin-top: 3rem; padding: 1.5rem 0; border-top: 4px solid #0b3a78; background: #f3f3f3; font-size: .9rem; }
.lead { font-size: 1.1rem; }
.list { padding-left: 1.25rem; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
.card { border: 1px solid #b1b4b6; border-top: 4px solid #0b3a78; padding: 1rem; }
.button {
  display: inline-block; background: #00703c; color: #fff; border: 0; border-bottom: 2px solid #002d18;
  padding: .6rem 1.2rem; font-size: 1.05rem; font-family: inherit; cursor: pointer; text-decoration: none;
}
.button:hover { background: #005a30; color: #fff; }
.button-secondary { background: #e8e8e8; color: #1b1b1b; border-bottom-color: #929191; }
.button-secondary:hover { background: #d6d6d6; color: #1b1b1b; }
.fieldset { border: 0; padding: 0; margin: 0 0 1.5rem; min-width: 0; }
/* A kind's own fields (the intake form): no frame of their own. */
.kind-only { border: 0; padding: 0; margin: 0; min-width: 0; }
.kind-only[hidden] { display: none; }
.legend { font-weight: 700; font-size: 1.1rem; padding: 0; margin-bottom: .5rem; }
.legend-section { font-size: 1.25rem; border-bottom: 2px solid #0b3a78; width: 100%; padding-bottom: .25rem; margin-bottom: 1rem; }
.field { margin-bottom: 1.25rem; }
.label { display: block; font-weight: 700; margin-bottom: .25rem; }
.hint { color: #484949; margin: 0 0 .4rem; font-size: .95rem; }
.tag { display: inline-block; font-weight: 400; font-size: .8rem; color: #1b1b1b; background: #e8e8e8; padding: 0 .4rem; margin-left: .25rem; }
.input, .select, .textarea {
  display: block; width: 100%; font: inherit; padding: .45rem; border: 2px solid #1b1b1b; border-radius: 0; background: #fff; color: #1b1b1b;
}
.input-narrow { max-width: 16rem; }
.textarea { resize: vertical; }
.choice { display: grid; grid-template-columns: 2rem 1fr; align-items: start; margin-bottom: .75rem; }
.choice-input { width: 1.5rem; height: 1.5rem; margin: .1rem 0 0; grid-row: 1 / span 2; }
.choice-label { font-weight: 700; }
.choice .hint { grid-column: 2; }
.filter-note { background: #eef3fb; padding: .5rem .75rem; }
.field-error { border-left: 4px solid #b3261e; padding-left: .75rem; }
.error-message { color: #b3261e; font-weight: 700; margin: 0 0 .4rem; }
.field-error .input, .field-error .select, .field-error .textarea { border-color: #b3261e; }
.error-summary { border: 4px solid #b3261e; padding: 1rem; margin-bottom: 1.5rem; }
.error-summary-title { margin-top: 0; }
.error-summary-list { margin: 0; padding-left: 1.25rem; }
.error-summary-list a { color: #b3261e; font-weight: 700; }
.panel-success { background: #00703c; color: #fff; padding: 1rem; margin-top: 1.5rem; text-align: center; }
.panel-success h1 { margin-top: 0; }
.case-number { font-size: 1.5rem; font-weight: 700; letter-spacing: .05em; margin: 0; }
.receipt { border: 4px solid #1b1b1b; padding: 1rem; margin: 1.5rem 0; }
.receipt h2 { margin-top: 0; }
.receipt-code {
  font-size: clamp(1.6rem, 8vw, 2.6rem); font-weight: 700; letter-spacing: .08em; margin: .5rem 0;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: keep-all;
}
.receipt-warning { background: #fff4cc; border-left: 6px solid #b3261e; padding: .75rem; }
.print-action { display: none; }
.js .print-action { display: block; }
.js .print-fallback { display: none; }
.summary-list { margin: 0 0 1rem; }
.summary-list dt { font-weight: 700; margin-top: .75rem; }
.summary-list dd { margin: 0; }
@media (min-width: 40rem) {
  h1 { font-size: 2rem; }
  .cards { grid-template-columns: repeat(3, 1fr); }
  .summary-list { display: grid; grid-template-columns: 12rem 1fr; gap: .5rem 1rem; }
  .summary-list dt { margin-top: 0; }
}
@media print {
  .site-header, .site-footer, .skip-link, .lang-switch, .print-action, .print-fallback { display: none !important; }
  body { font-size: 12pt; }
  .panel-success { background: none; color: #000; border: 2px solid #000; }
  .receipt { border-color: #000; }
  a { color: #000; }
}
/* staff workspace */
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.wrap-wide { max-width: 80rem; }
.staff-user { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem 1rem; }
.staff-user p { margin: 0; }
.inline-form { display: inline; margin: 0; }
.link-button { background: none; border: 0; padding: 0; color: inherit; font: inherit; text-decoration: underline; cursor: pointer; }
.staff-nav { background: #e8eef7; border-bottom: 1px solid #b1b4b6; }
.staff-nav a { display: inline-block; padding: .5rem .75rem; }
.staff-nav a[aria-current="page"] { font-weight: 700; text-decoration: none; border-bottom: 4px solid #0b3a78; }
.subtitle { display: block; font-size: 1rem; font-weight: 400; color: #484949; }
.notice { background: #eef3fb; border-left: 6px solid #1a4fa0; padding: .75rem 1rem; margin: 1rem 0; }
.notice p { margin: 0 0 .25rem; }
.notice-success { background: #e6f4ec; border-left-color: #00703c; }
.filters { margin: .5rem 0; }
.filter-list { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.filter-link { display: inline-block; padding: .2rem .6rem; border: 1px solid #b1b4b6; text-decoration: none; }
.filter-active, .filter-active:hover { background: #0b3a78; color: #fff; border-color: #0b3a78; }
.count { display: inline-block; min-width: 1.5rem; text-align: center; font-weight: 700; }
.filter-form { background: #f3f3f3; padding: 1rem; margin: 1rem 0; }
.filter-form .fieldset { margin: 0; }
.filter-grid { display: grid; gap: .75rem; }
.filter-checks { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .75rem 0; }
.table-scroll { overflow-x: auto; margin: 1rem 0; }
.table { border-collapse: collapse; width: 100%; font-size: .95rem; }
.table th, .table td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid #b1b4b6; }
.table thead th { border-bottom: 2px solid #1b1b1b; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.due-date { display: block; }
.badge { display: inline-block; padding: .05rem .5rem; border: 2px solid; font-size: .9rem; white-space: nowrap; }
.badge-overdue { background: #fbe9e7; color: #8a1c12; border-color: #b3261e; }
.badge-soon { background: #fff4cc; color: #5c4300; border-color: #b88600; }
.badge-ok { background: #e6f4ec; color: #004d29; border-color: #00703c; }
.badge-none { background: #f3f3f3; color: #383838; border-color: #b1b4b6; }
.flags { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
.flag { display: inline-block; padding: 0 .4rem; font-size: .85rem; font-weight: 700; border: 1px solid; }
.flag-urgent, .flag-escalated { background: #b3261e; color: #fff; border-color: #b3261e; }
.flag-urged { background: #fff4cc; color: #5c4300; border-color: #b88600; }
.flag-warning { background: #fff4cc; color: #8a1c12; border-color: #b3261e; }
.flag-hold { background: #e8e8e8; color: #1b1b1b; border-color: #929191; }
.pager { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 1rem 0; }
.breadcrumb { margin: 1rem 0 0; }
.panel { margin-bottom: 1.5rem; }
.case-text { white-space: pre-wrap; overflow-wrap: anywhere; background: #f8f8f8; padding: .75rem; border-left: 4px solid #b1b4b6; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid #0b3a78; }
.timeline-entry { padding: .25rem 0 .75rem 1rem; display: flex; flex-wrap: wrap; gap: .25rem .75rem; align-items: baseline; }
.timeline-entry time, .timeline-actor, .timeline-detail { color: #484949; font-size: .9rem; }
.timeline-status { background: #eef3fb; padding: 0 .4rem; font-size: .9rem; }
.timeline-note { flex-basis: 100%; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.messages { list-style: none; padding: 0; }
.message { border: 1px solid #b1b4b6; padding: .5rem .75rem; margin-bottom: .5rem; }
.message-department { border-left: 4px solid #0b3a78; }
.message-meta { margin: 0 0 .25rem; font-size: .9rem; }
.actions { border: 2px solid #0b3a78; padding: 1rem; }
.actions h2 { margin-top: 0; }
.quick-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
.action-form { margin: 0; }
.action-details { border-top: 1px solid #b1b4b6; padding: .5rem 0; }
.action-details summary { cursor: pointer; font-weight: 700; color: #1a4fa0; padding: .25rem 0; }
.action-details[open] summary { margin-bottom: .5rem; }
.button-small { padding: .25rem .6rem; font-size: .9rem; }
.duplicates { padding-left: 1.25rem; }
.duplicates li { margin-bottom: .75rem; }
.duplicates .inline-form { display: block; margin-top: .25rem; }
.period-form { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
@media (min-width: 40rem) { .filter-grid { grid-template-columns: repeat(3, 1fr); } }
@media (min-width: 64rem) {
  .case-grid { display: grid; grid-template-columns: minmax(0, 2fr) minmax(18rem, 1fr); gap: 2rem; align-items: start; }
}
@media print { .staff-nav, .actions, .staff-user { display: none !important; } }
/* follow-up with the receipt */
.followup-link { font-weight: 700; margin: 1.5rem 0; }
.followup-privacy { background: #eef3fb; border-left: 6px solid #1a4fa0; padding: .75rem 1rem; }
.followup-login { margin: 1.5rem 0; }
.input-receipt {
  max-width: 20rem; font-size: 1.3rem; letter-spacing: .08em;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
}
.case-number-inline { font-weight: 700; letter-spacing: .05em; overflow-wrap: anywhere; }
.public-status { display: inline-block; background: #0b3a78; color: #fff; padding: .05rem .6rem; }
.public-status[data-status="closed"] { background: #00703c; }
.public-status[data-status="not_accepted"], .public-status[data-status="merged"] { background: #484949; }
.clock-paused { color: #5c4300; font-weight: 700; }
.notice-error { background: #fbe9e7; border-left-color: #b3261e; }
.notice-disclosed { background: #fff4cc; border-left-color: #b3261e; }
.notice-title { font-size: 1.1rem; margin: 0 0 .25rem; }
.message-reporter { border-left: 4px solid #00703c; }
.followup-form { margin: 1rem 0 1.5rem; }
.evidence-list { list-style: none; padding: 0; margin: 0 0 1rem; }
.evidence-item { border-top: 1px solid #b1b4b6; padding: .5rem 0; display: flex; flex-direction: column; gap: .1rem; }
.evidence-name { overflow-wrap: anywhere; }
.evidence-sent-as, .evidence-meta { color: #484949; font-size: .9rem; overflow-wrap: anywhere; }
.followup-rate { border: 2px solid #0b3a78; padding: 0 1rem 1rem; margin: 2rem 0; }
.followup-signout { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid #b1b4b6; }
@media print { .followup-form, .followup-signout { display: none !important; } }
/* staff: reporter forms, attachments, identity pages, custodians' queue */
.reporter-form { margin: 0 0 .5rem; }
.identity-panel { border: 2px solid #b88600; padding: 1rem; }
.identity-panel h2 { margin-top: 0; }
.button-warning { background: #8a1c12; border-bottom-color: #4d0f0a; }
.button-warning:hover { background: #6e160e; }
.disclosure-requests { list-style: none; padding: 0; margin: 0 0 1rem; }
.disclosure-request { border-top: 1px solid #b1b4b6; padding: .5rem 0; }
.disclosure-meta { margin: 0 0 .25rem; font-size: .9rem; }
.disclosure-request[data-status="approved"] .disclosure-status { color: #8a1c12; }
.label-inline { font-weight: 700; }
.disclosure-queue { list-style: none; padding: 0; margin: 0; }
.disclosure-pending { border: 1px solid #b1b4b6; border-left: 6px solid #b88600; padding: 1rem; }
.decision-forms { display: grid; gap: 1rem; }
.decision-form { margin: 0; }
.identity-list dd.identity-value { font-size: 1.15rem; font-weight: 700; overflow-wrap: anywhere; }
@media (min-width: 48rem) { .decision-forms { grid-template-columns: 1fr 1fr; } }
@media print { .reporter-form, .decision-form, .identity-panel form { display: none !important; } }
/* queue search, triage dispatch, refusal options, KPI totals; the queue as cards on a narrow screen */
/* The receipt stays on one line, its size following the screen: no break inside or between its groups. */
.receipt .receipt-code { white-space: nowrap; font-size: clamp(1rem, calc((100vw - 4.5rem) / 13.5), 2.6rem); }
.search-form { margin: 1rem 0; }
.search-row { display: flex; flex-wrap: wrap; gap: .5rem; }
.search-row .input { flex: 1 1 12rem; max-width: 28rem; }
.dispatch { border: 2px solid #0b3a78; padding: 1rem; margin-bottom: 1rem; background: #eef3fb; }
.dispatch h3 { margin-top: 0; }
.department-filter { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; margin: .5rem 0 1rem; }
.refusal-options { border-left: 6px solid #1a4fa0; background: #eef3fb; padding: .75rem 1rem; margin: 1rem 0; }
.refusal-options h2 { margin-top: 0; }
.totals th, .totals td { font-weight: 700; border-top: 2px solid #1b1b1b; }
@media (max-width: 47.99rem) {
  .queue-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .queue-table, .queue-table tbody { display: block; }
  .queue-table tr { display: flex; flex-wrap: wrap; gap: .15rem 1rem; padding: .5rem .75rem; margin-bottom: .75rem; border: 1px solid #b1b4b6; border-left: 4px solid #0b3a78; }
  .queue-table th, .queue-table td { display: block; order: 2; padding: 0; border: 0; overflow-wrap: anywhere; }
  .queue-table th[scope="row"] { order: 0; flex-basis: 100%; font-size: 1.1rem; }
  .queue-table .queue-due { order: 1; flex-basis: 100%; }
  .queue-table .queue-due .due-date { display: inline; margin-right: .5rem; font-weight: 700; }
  .queue-table td::before { content: attr(data-label); margin-right: .4em; color: #484949; font-size: .85rem; }
  .queue-table td:empty { display: none; }
}
`;
