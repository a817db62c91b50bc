/** The list of problems at the top of a re-shown form, each linked to its field. */
import { anchorId, formOrder } from '../intake/form.js';
import type { FormView } from './fields.js';

export function ErrorSummary({ f }: { f: FormView }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title" class="error-summary-title">{f.t.errors.summary}</h2>
      <ul class="error-summary-list">
        {[...f.errors].map(([path, message]) => (
          <li>{formOrder.includes(path) ? <a href={`#${anchorId(path)}`}>{message}</a> : message}</li>
        ))}
      </ul>
    </div>
  );
}
