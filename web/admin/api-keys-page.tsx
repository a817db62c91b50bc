/**
 * The API keys pages: the list with each key's use and the new-key form, the answer that shows a new
 * key once, and the confirmation before a key is revoked. A key's text is on no other page.
 */
import type { ApiKeyView } from '../../server/api-keys/api-keys.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { href, shortTime, type AdminView } from './context.js';
import { ErrorSummary, TextInput } from './fields.js';
import { errorsFor, type Failure } from './form.js';
import { AdminLayout } from './layout.js';

const PATH = '/staff/admin/api-keys';

function KeyRow({ v, k }: { v: AdminView; k: ApiKeyView }) {
  const m = v.a.apiKeys;
  return (
    <tr>
      <td>{k.name}</td>
      <td>{shortTime(k.createdAt)}</td>
      <td>{k.createdBy}</td>
      <td>{k.lastUsedAt ? shortTime(k.lastUsedAt) : m.never}</td>
      <td>{k.requests}</td>
      <td>{k.revokedAt ? m.revoked(shortTime(k.revokedAt)) : m.active}</td>
      <td>{!k.revokedAt && <a href={href(v, `${PATH}/revoke?name=${encodeURIComponent(k.name)}`)}>{m.revoke}</a>}</td>
    </tr>
  );
}

export function ApiKeysPage({ v, keys, failure, values = {}, notice }: {
  v: AdminView; keys: ApiKeyView[]; failure?: Failure | undefined; values?: Record<string, string> | undefined; notice?: string | undefined;
}) {
  const m = v.a.apiKeys;
  const errors = errorsFor(failure, 'apiKey');
  return (
    <AdminLayout v={v} title={m.title} current="apiKeys" notice={notice}>
      <p class="hint">{m.intro}</p>
      <h2>{m.listHeading}</h2>
      {keys.length === 0 ? <p>{m.none}</p> : (
        <>
          <div class="table-scroll">
            <table class="table">
              <thead>
                <tr><th>{m.name}</th><th>{m.createdAt}</th><th>{m.createdBy}</th><th>{m.lastUsedAt}</th><th>{m.requests}</th><th>{m.status}</th><th></th></tr>
              </thead>
              <tbody>{keys.map((k) => <KeyRow v={v} k={k} />)}</tbody>
            </table>
          </div>
          <p class="hint">{m.countsHint}</p>
        </>
      )}
      <h2 id="api-key">{m.addHeading}</h2>
      {failure && <ErrorSummary v={v} issues={failure.issues} labels={{ name: m.name }} />}
      <form method="post" action={href(v, PATH)}>
        {csrfField(v.csrf)}
        <TextInput form="apiKey" name="name" label={m.name} hint={m.nameHint} value={values.name} required autocomplete="off" errors={errors} />
        <button type="submit" class="button">{m.add}</button>
      </form>
    </AdminLayout>
  );
}

/** The answer to a new key: its text this once (the page is never cached; see renderAdmin). */
export function ApiKeyCreatedPage({ v, name, keyText }: { v: AdminView; name: string; keyText: string }) {
  const m = v.a.apiKeys;
  return (
    <AdminLayout v={v} title={m.createdTitle} current="apiKeys">
      <div class="receipt">
        <p class="receipt-warning">{m.createdIntro(name)}</p>
        <div class="field">
          <label class="label" for="api-key-value">{m.keyLabel}</label>
          <input class="input mono" id="api-key-value" type="text" readonly value={keyText} autocomplete="off" spellcheck={false} />
        </div>
      </div>
      <p><a href={href(v, PATH)}>{m.back}</a></p>
    </AdminLayout>
  );
}

export function RevokeApiKeyPage({ v, name }: { v: AdminView; name: string }) {
  const m = v.a.apiKeys;
  return (
    <AdminLayout v={v} title={m.revokeTitle} current="apiKeys">
      <p>{m.revokeConfirm(name)}</p>
      <form method="post" action={href(v, `${PATH}/revoke`)}>
        {csrfField(v.csrf)}
        <input type="hidden" name="name" value={name} />
        <button type="submit" class="button button-warning">{m.revokeSubmit}</button>
        {' '}<a href={href(v, PATH)}>{m.cancel}</a>
      </form>
    </AdminLayout>
  );
}
