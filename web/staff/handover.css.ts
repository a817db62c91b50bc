/** /staff/handover.css: the hand-over form on screen and on A4 paper (no inline styles: the CSP forbids them). */
export const handoverCss = `
.handover { background: #f3f3f3; }
.handover-tools { max-width: 48rem; margin: 1rem auto 0; padding: 0 1rem; display: flex; gap: 1rem; flex-wrap: wrap; }
.handover-sheet { max-width: 48rem; margin: 1rem auto 2rem; padding: 2rem; background: #fff; border: 1px solid #b1b4b6; }
.handover-issuer { margin: 0; text-align: center; }
.handover-sheet h1 { text-align: center; letter-spacing: .3em; margin-top: .5rem; }
.handover-sheet h2 { font-size: 1.1rem; border-bottom: 1px solid #1b1b1b; padding-bottom: .2rem; }
.handover-facts, .handover-footer { display: grid; grid-template-columns: 11rem 1fr; gap: .35rem 1rem; margin: 0; }
.handover-facts dt, .handover-footer dt { font-weight: 700; }
.handover-facts dd, .handover-footer dd { margin: 0; }
.handover-footer { margin-top: 2rem; }
.handover-table { width: 100%; border-collapse: collapse; }
.handover-table th, .handover-table td { border: 1px solid #1b1b1b; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.handover-signatures { display: flex; justify-content: space-between; margin-top: 3rem; min-height: 5rem; }
.mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.handover-attachments .mono { overflow-wrap: anywhere; word-break: break-all; font-size: .8rem; }
.case-text { white-space: pre-wrap; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  .handover { background: #fff; }
  .handover-tools { display: none; }
  .handover-sheet { max-width: none; margin: 0; padding: 0; border: 0; }
  body { font-size: 11pt; color: #000; }
  .handover-table tr, .handover-facts dd { break-inside: avoid; }
  a { color: #000; text-decoration: none; }
}
`;
