/** The reporter's forms on the case page: a message, the satisfaction survey, signing out. */
import type { Lang, Messages } from '../i18n.js';
import type { RatingValues } from '../followup/forms.js';

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

export function SatisfactionForm({ t, lang, state = empty }: { t: Messages; lang: Lang; state?: RatingState | undefined }) {
  const s = t.followup.satisfaction;
  const { values, errors } = state;
  const ratingError = errors.get('rating');
  const resolvedError = errors.get('resolved');
  const commentError = errors.get('comment');
  return (
    <form class="followup-form" method="post" action={`/followup/case/satisfaction?lang=${lang}`}>
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
