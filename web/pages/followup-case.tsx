/** What a reporter sees with the receipt: status in plain words, time limits, history, messages, rating. */
import type { followupView } from '../../server/followup/followup.service.js';
import { formatDue } from '../format.js';
import { formatAt } from '../followup/format.js';
import type { Lang, Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { nameIn } from '../names.js';
import { formatYuan } from '../staff/format.js';
import { EvidenceSection, type EvidenceError } from './followup-evidence.js';
import { RefusalOptions } from './refusal-options.js';
import { claimFieldIds, MessageForm, RewardClaimForm, SatisfactionForm, SignOutForm, type ClaimState, type RatingState } from './followup-forms.js';

type FullView = Awaited<ReturnType<typeof followupView>>;
/** The evidence fields may be left out of a view built by hand: the page then shows no evidence section. */
export type FollowupView = Omit<FullView, 'attachments' | 'evidence'> & Partial<Pick<FullView, 'attachments' | 'evidence'>>;

export interface FollowupCaseProps {
  t: Messages;
  lang: Lang;
  view: FollowupView;
  /** What just succeeded (after a redirect). */
  notice?: string | undefined;
  /** A refused action (409): merged case, already rated. */
  refused?: string | undefined;
  message?: { body: string; error: string } | undefined;
  rating?: RatingState | undefined;
  /** Whether the reward can be claimed now (notified, before its claim date). */
  claimOpen?: boolean | undefined;
  claim?: ClaimState | undefined;
  /** A refused upload of evidence. */
  evidence?: EvidenceError | undefined;
}

type Props = { t: Messages; lang: Lang; view: FollowupView };

function Overview({ t, lang, view }: Props) {
  const s = t.followup.case;
  const status = s.statuses[view.publicStatus];
  return (
    <dl class="summary-list">
      <dt>{s.caseNumber}</dt>
      <dd class="case-number-inline">{view.caseNumber}</dd>
      <dt>{s.kind}</dt>
      <dd>{t.kinds[view.kind].name}</dd>
      <dt>{s.status}</dt>
      <dd><strong class="public-status" data-status={view.publicStatus}>{status.label}</strong><p class="hint">{status.what}</p></dd>
      <dt>{s.department}</dt>
      <dd>{view.department ? nameIn(view.department.name, lang) : t.confirm.triage}</dd>
      <dt>{s.receivedAt}</dt>
      <dd><time datetime={view.receivedAt}>{formatAt(view.receivedAt, lang)}</time></dd>
    </dl>
  );
}

function DueSection({ t, lang, view }: Props) {
  const s = t.followup.case;
  return (
    <section aria-labelledby="due-title">
      <h2 id="due-title">{s.dueHeading}</h2>
      {view.due.length === 0 ? <p>{s.noDue}</p> : (
        <dl class="summary-list">
          {view.due.map((due) => (
            <>
              <dt>{t.confirm.clocks[due.clock] ?? due.clock}</dt>
              <dd>
                <time datetime={due.dueAt}>{formatDue(due.dueAt, lang, t)}</time>
                {due.provisional && <p class="hint">{t.confirm.provisional}</p>}
                {due.paused && <p class="hint clock-paused">{s.paused}</p>}
              </dd>
            </>
          ))}
        </dl>
      )}
    </section>
  );
}

type RewardProps = { t: Messages; lang: Lang; reward: NonNullable<FollowupView['reward']>; open: boolean; claim: ClaimState | undefined };

function RewardSection({ t, lang, reward, open, claim }: RewardProps) {
  const r = t.followup.reward;
  const extra = reward as { status: string; amountFen?: number; claimBy?: string };
  // The claim deadline matters until the claim is made (or shows why it lapsed), not after.
  return (
    <section aria-labelledby="reward-title">
      <h2 id="reward-title">{r.heading}</h2>
      <dl class="summary-list">
        <dt>{r.status}</dt>
        <dd class="reward-status" data-status={extra.status}>{r.statuses[extra.status] ?? extra.status}</dd>
        {extra.amountFen !== undefined && <><dt>{r.amount}</dt><dd>{r.yuan(formatYuan(extra.amountFen))}</dd></>}
        {extra.claimBy && (extra.status === 'notified' || extra.status === 'expired') && <><dt>{r.claimBy}</dt><dd><time datetime={extra.claimBy}>{formatDue(extra.claimBy, lang, t)}</time></dd></>}
      </dl>
      {open && extra.status === 'notified' && (
        <>
          <h3 id="reward-claim-title">{r.claimHeading}</h3>
          <RewardClaimForm t={t} lang={lang} state={claim} />
        </>
      )}
    </section>
  );
}

function TimelineSection({ t, lang, view }: Props) {
  const s = t.followup.case;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{s.timelineHeading}</h2>
      <ol class="timeline">
        {view.timeline.map((e) => (
          <li class="timeline-entry" data-event={e.event}>
            <time datetime={e.at}>{formatAt(e.at, lang)}</time>
            <strong class="timeline-event">{s.events[e.event] ?? e.event}</strong>
            {e.note && <p class="timeline-note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function MessagesSection({ t, lang, view, message }: Props & { message: FollowupCaseProps['message'] }) {
  const s = t.followup.case;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{s.messagesHeading}</h2>
      {view.messages.length === 0 ? <p>{s.noMessages}</p> : (
        <ol class="messages">
          {view.messages.map((m) => (
            <li class={`message message-${m.from}`}>
              <p class="message-meta"><strong>{s.from[m.from] ?? m.from}</strong> · <time datetime={m.at}>{formatAt(m.at, lang)}</time></p>
              <p class="case-text">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {view.status === 'merged' ? <p class="hint">{s.messageMerged}</p> : <MessageForm t={t} lang={lang} body={message?.body} error={message?.error} />}
    </section>
  );
}

function SatisfactionSection({ t, lang, view, rating }: Props & { rating: RatingState | undefined }) {
  const s = t.followup.satisfaction;
  if (view.satisfaction) {
    const given = view.satisfaction;
    return (
      <section aria-labelledby="satisfaction-title">
        <h2 id="satisfaction-title">{s.given}</h2>
        <dl class="summary-list">
          <dt>{s.rating}</dt>
          <dd class="given-rating">{s.givenRating(given.rating, s.ratings[given.rating] ?? '')}</dd>
          <dt>{s.resolved}</dt>
          <dd>{given.resolved ? s.yes : s.no}</dd>
        </dl>
      </section>
    );
  }
  if (!view.canRate) return null;
  return (
    <section class="followup-rate" aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{s.heading}</h2>
      <p>{s.intro}</p>
      <SatisfactionForm t={t} lang={lang} state={rating} />
    </section>
  );
}

/** Field → the control an error links to. */
const anchors: Record<string, string> = { body: 'followup-message', rating: 'rating-5', resolved: 'resolved-yes', comment: 'satisfaction-comment' };

export function FollowupCasePage({ t, lang, view, notice, refused, message, rating, claimOpen = false, claim, evidence }: FollowupCaseProps) {
  const s = t.followup.case;
  const claimProblems = [...(claim?.errors ?? [])].map(([field, text]): [string, string] => [claimFieldIds[field as keyof ClaimState['values']] ?? field, text]);
  const problems: [string, string][] = [
    ...(message ? [['body', message.error] as [string, string]] : []), ...(rating?.errors ?? []), ...claimProblems,
    ...(evidence ? [['evidence-files', evidence.error] as [string, string]] : []),
  ];
  return (
    <Layout t={t} title={(problems.length > 0 || refused ? t.followup.errorTitlePrefix : '') + s.title}
      switchHref={`/followup/case?lang=${t.switchLang}`}>
      <h1>{s.title}</h1>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title" class="error-summary-title">{t.followup.errorSummary}</h2>
          <ul class="error-summary-list">
            {problems.map(([field, text]) => <li><a href={`#${anchors[field] ?? field}`}>{text}</a></li>)}
          </ul>
        </div>
      )}
      {refused && <div class="notice notice-error" role="alert"><p>{refused}</p></div>}
      {notice && <div class="notice notice-success" role="status"><p>{notice}</p></div>}
      {view.identityDisclosed && (
        <div class="notice notice-disclosed" role="note" aria-labelledby="disclosed-title">
          <h2 id="disclosed-title" class="notice-title">{s.disclosedTitle}</h2>
          <p>{s.disclosed}</p>
        </div>
      )}
      <Overview t={t} lang={lang} view={view} />
      <RefusalOptions lang={lang} view={view} />
      <DueSection t={t} lang={lang} view={view} />
      {view.reward && <RewardSection t={t} lang={lang} reward={view.reward} open={claimOpen} claim={claim} />}
      <TimelineSection t={t} lang={lang} view={view} />
      <MessagesSection t={t} lang={lang} view={view} message={message} />
      {view.attachments && view.evidence && <EvidenceSection t={t} lang={lang} files={view.attachments} state={view.evidence} evidence={evidence} />}
      <SatisfactionSection t={t} lang={lang} view={view} rating={rating} />
      <SignOutForm t={t} lang={lang} />
    </Layout>
  );
}
