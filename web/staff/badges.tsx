/** Due-date badges and case flags: each state has a colour and a text label, never colour alone. */
import type { Messages } from '../i18n.js';
import { timeLeft } from './format.js';

export interface DueState {
  overdue: boolean;
  dueSoon: boolean;
  msLeft: number | null;
}

export function DueBadge({ t, due }: { t: Messages; due: DueState }) {
  const d = t.staff.due;
  if (due.msLeft === null) return <span class="badge badge-none">{d.none}</span>;
  const [tone, label] = due.overdue ? ['overdue', d.overdue] : due.dueSoon ? ['soon', d.soon] : ['ok', d.ok];
  return (
    <span class={`badge badge-${tone}`}>
      <strong>{label}</strong> · {timeLeft(due.msLeft, t)}
    </span>
  );
}

export interface FlagState {
  urgent?: boolean;
  urged?: boolean;
  escalated?: boolean;
  creditCodeCheckFailed?: boolean;
  gtinCheckFailed?: boolean;
  legalHold?: boolean;
}

export function Flags({ t, flags }: { t: Messages; flags: FlagState }) {
  const f = t.staff.flags;
  const shown = [
    flags.urgent && { tone: 'urgent', text: f.urgent },
    flags.escalated && { tone: 'escalated', text: f.escalated },
    flags.urged && { tone: 'urged', text: f.urged },
    flags.creditCodeCheckFailed && { tone: 'warning', text: f.creditCode },
    flags.gtinCheckFailed && { tone: 'warning', text: f.gtin },
    flags.legalHold && { tone: 'hold', text: f.legalHold },
  ].filter((x): x is { tone: string; text: string } => Boolean(x));
  if (shown.length === 0) return null;
  return (
    <ul class="flags">
      {shown.map((x) => <li class={`flag flag-${x.tone}`}>{x.text}</li>)}
    </ul>
  );
}
