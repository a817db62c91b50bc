/**
 * /staff/admin/api-keys: API clients' keys (admins only, under adminPages' guard). A new key is
 * answered on the POST itself, never through a redirect, so its text is in no address or history
 * entry; revoking asks first, then redirects (303).
 */
import { Hono, type Context } from 'hono';
import { createApiKey, listApiKeys, revokeApiKey } from '../../server/api-keys/api-keys.service.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import type { StaffEnv } from '../../server/staff/auth.middleware.js';
import { ApiKeyCreatedPage, ApiKeysPage, RevokeApiKeyPage } from './api-keys-page.js';
import { adminView, href, renderAdmin, type AdminView } from './context.js';
import { attempt, formText, readForm, type Failure } from './form.js';

type C = Context<StaffEnv>;

/** The service's refusal in the page's language, beside the name field. */
function localized(v: AdminView, failure: Failure): Failure {
  const message = failure.status === 409 ? v.a.apiKeys.nameTaken : v.a.apiKeys.nameInvalid;
  return { ...failure, issues: [{ path: 'name', message }] };
}

export function apiKeyPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const show = async (c: C, extra: { failure?: Failure; values?: Record<string, string> } = {}, status: 200 | 400 | 409 = 200) => {
    const v = adminView(c);
    return renderAdmin(c, <ApiKeysPage v={v} keys={await listApiKeys(deps)} notice={v.a.done[c.req.query('done') ?? '']} {...extra} />, status);
  };

  app.get('/', (c) => show(c));
  app.post('/', async (c) => {
    const v = adminView(c);
    const values = { name: formText(await readForm(c), 'name') };
    const outcome = await attempt('apiKey', () => createApiKey(deps, c.get('actor').username, values.name));
    if (!outcome.ok) return show(c, { failure: localized(v, outcome.failure), values }, outcome.failure.status);
    return renderAdmin(c, <ApiKeyCreatedPage v={v} name={outcome.value.name} keyText={outcome.value.key} />);
  });

  app.get('/revoke', async (c) => {
    const name = c.req.query('name') ?? '';
    const key = (await listApiKeys(deps)).find((k) => k.name === name && !k.revokedAt);
    if (!key) throw new AppError('not_found', 'No active API key has this name.');
    return renderAdmin(c, <RevokeApiKeyPage v={adminView(c)} name={key.name} />);
  });
  app.post('/revoke', async (c) => {
    const name = formText(await readForm(c), 'name');
    await revokeApiKey(deps, c.get('actor').username, name);
    return c.redirect(href(adminView(c), '/staff/admin/api-keys?done=apiKeyRevoked'), 303);
  });
  return app;
}
