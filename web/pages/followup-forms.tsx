/** The reporter's forms on the case page: a message, the satisfaction survey, a reward claim, signing out. */
import type { Lang, Messages } from '../i18n.js';
import type { ClaimValues, RatingValues } from '../followup/forms.js';

const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

const FieldError = ({ id, error }: { id: string; error?: string | undefined }) =>
  error ? <p class="error-message" id={id}>{error}</p> : null;

export function MessageForm({ t, lang, body = '', error }: { t: Messages; lang: Lang; body?: string; error?: string | undefined }) {
  const s = t.followup.case;
  return (
    <form class="followup-form" method="post" action={`/followup/case/messages?lang=${lang}`}>
      <div class={error ? 'field field-error' : 'field'}>
        <label class="label" for="followup-message">{s.messageLabel}</label>
        <p class="hint" id="followup-message-hint">{s.messageHint}</p>
        <FieldError id="followup-message-error" error={error} />
        <textarea class="textarea" id="followup-message" name="body" rows={5} maxlength={5000} required
          aria-describedby={describedBy('followup-message-hint', error && 'followup-message-error')}
          aria-invalid={error ? 'true' : undefined}>{body}</textarea>
      </div>
      <button class="button" type="submit">{s.send}</button>
    </form>
  );
}

export interface RatingState { values: RatingValues; errors: Map<string, string> }

const empty: RatingState = { values: { rating: '', resolved: '', comment: '' }, errors: new Map() };

/** `action`: where the form posts; the follow-up case page's by default (the mailed link posts to its own page). */
export function SatisfactionForm({ t, lang, state = empty, action }: { t: Messages; lang: Lang; state?: RatingState | undefined; action?: string }) {
  const s = t.followup.satisfaction;
  const { values, errors } = state;
  const ratingError = errors.get('rating');
  const resolvedError = errors.get('resolved');
  const commentError = errors.get('comment');
  return (
    <form class="followup-form" method="post" action={action ?? `/followup/case/satisfaction?lang=${lang}`}>
      <fieldset id="satisfaction-rating" class={ratingError ? 'fieldset field-error' : 'fieldset'}
        aria-describedby={describedBy(ratingError && 'satisfaction-rating-error')}>
        <legend class="legend">{s.rating}</legend>
        <FieldError id="satisfaction-rating-error" error={ratingError} />
        <div class="rating-choices">
          {[5, 4, 3, 2, 1].map((n) => (
            <div class="choice">
              <input class="choice-input" type="radio" id={`rating-${n}`} name="rating" value={String(n)} required
                checked={values.rating === String(n)} aria-invalid={ratingError ? 'true' : undefined} />
              <label class="choice-label" for={`rating-${n}`}>{`${n} · ${s.ratings[n] ?? ''}`}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset id="satisfaction-resolved" class={resolvedError ? 'fieldset field-error' : 'fieldset'}
        aria-describedby={describedBy(resolvedError && 'satisfaction-resolved-error')}>
        <legend class="legend">{s.resolved}</legend>
        <FieldError id="satisfaction-resolved-error" error={resolvedError} />
        {(['yes', 'no'] as const).map((v) => (
          <div class="choice">
            <input class="choice-input" type="radio" id={`resolved-${v}`} name="resolved" value={v} required
              checked={values.resolved === v} aria-invalid={resolvedError ? 'true' : undefined} />
            <label class="choice-label" for={`resolved-${v}`}>{v === 'yes' ? s.yes : s.no}</label>
          </div>
        ))}
      </fieldset>
      <div class={commentError ? 'field field-error' : 'field'}>
        <label class="label" for="satisfaction-comment">{s.comment}{' '}<span class="tag">{t.optional}</span></label>
        <p class="hint" id="satisfaction-comment-hint">{s.commentHint}</p>
        <FieldError id="satisfaction-comment-error" error={commentError} />
        <textarea class="textarea" id="satisfaction-comment" name="comment" rows={4} maxlength={2000}
          aria-describedby={describedBy('satisfaction-comment-hint', commentError && 'satisfaction-comment-error')}
          aria-invalid={commentError ? 'true' : undefined}>{values.comment}</textarea>
      </div>
      <button class="button" type="submit">{s.submit}</button>
    </form>
  );
}

export function SignOutForm({ t, lang }: { t: Messages; lang: Lang }) {
  const s = t.followup.case;
  return (
    <form class="followup-signout" method="post" action={`/followup/logout?lang=${lang}`}>
      <p class="hint">{s.signOutHint}</p>
      <button class="button button-secondary" type="submit">{s.signOut}</button>
    </form>
  );
}

export interface ClaimState { values: ClaimValues; errors: Map<string, string> }

const emptyClaim: ClaimState = { values: { name: '', idNumber: '', bankAccount: '', bankName: '' }, errors: new Map() };

/** Control ids of the claim form, for the error summary's links. */
export const claimFieldIds: Record<keyof ClaimValues, string> = {
  name: 'claim-name', idNumber: 'claim-id-number', bankAccount: 'claim-bank-account', bankName: 'claim-bank-name',
};

type ClaimFieldProps = {
  field: keyof ClaimValues; label: string; hint?: string | undefined; value: string; error?: string | undefined;
  optional?: string | undefined; maxlength: number; inputmode?: 'numeric' | undefined;
};

function ClaimField({ field, label, hint, value, error, optional, maxlength, inputmode }: ClaimFieldProps) {
  const id = claimFieldIds[field];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{label}{optional && <>{' '}<span class="tag">{optional}</span></>}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <FieldError id={`${id}-error`} error={error} />
      <input class="input" type="text" id={id} name={field} value={value} maxlength={maxlength} required={!optional}
        autocomplete="off" spellcheck={false} inputmode={inputmode}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)} aria-invalid={error ? 'true' : undefined} />
    </div>
  );
}

/** The payee's details for a notified reward; on an error every field comes back as typed. */
export function RewardClaimForm({ t, lang, state = emptyClaim }: { t: Messages; lang: Lang; state?: ClaimState | undefined }) {
  const r = t.followup.reward;
  const { values, errors } = state;
  return (
    <form class="followup-form" method="post" action={`/followup/case/reward-claim?lang=${lang}`}>
      <p class="hint">{r.claimIntro}</p>
      <ClaimField field="name" label={r.name} value={values.name} error={errors.get('name')} maxlength={50} />
      <ClaimField field="idNumber" label={r.idNumber} hint={r.idNumberHint} value={values.idNumber} error={errors.get('idNumber')} maxlength={18} />
      <ClaimField field="bankAccount" label={r.bankAccount} hint={r.bankAccountHint} value={values.bankAccount}
        error={errors.get('bankAccount')} maxlength={40} inputmode="numeric" />
      <ClaimField field="bankName" label={r.bankName} hint={r.bankNameHint} value={values.bankName} error={errors.get('bankName')}
        optional={t.optional} maxlength={60} />
      <button class="button" type="submit">{r.submit}</button>
    </form>
  );
}
