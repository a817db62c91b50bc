/**
 * Open311 GeoReport v2 under /open311/v2, each resource in JSON and XML by its extension
 * (discovery, services, services/{code}, requests, requests/{id}, tokens/{token}). Errors are the
 * spec's list of {code, description} with the HTTP status as code, in the format asked for.
 */
import { Hono, type Context } from 'hono';
import { ZodError } from 'zod';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { AppError, errorStatus, zodIssues } from '../errors.js';
import { readFormBody } from '../lib/body.js';
import { listQuerySchema } from './open311.schema.js';
import { fileRequest, listRequests, listServices, oneRequest, resolveToken, serviceDefinition } from './open311.service.js';
import { langOf, open311Texts } from './texts.js';
import { toXml } from './xml.js';

type Format = 'json' | 'xml';

/** 'product.food.json' → the name and its format; another extension is no resource here. */
function split(file: string): { name: string; format: Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { name: match[1]!, format: match[2] as Format } : null;
}

const formatOfPath = (path: string): Format => (path.endsWith('.xml') ? 'xml' : 'json');

function answer(c: Context, format: Format, root: string, value: unknown, status: 200 | 201 | 400 | 403 | 404 | 429 | 500 = 200) {
  if (format === 'json') return c.json(value, status);
  return c.body(toXml(root, value), status, { 'content-type': 'text/xml; charset=utf-8' });
}

interface Open311Error { code: number; description: string }

function errorList(err: unknown, log: (line: string) => void): { status: number; errors: Open311Error[]; headers: Record<string, string> } {
  if (err instanceof ZodError) err = new AppError('validation_failed', 'The request is not valid.', zodIssues(err));
  if (err instanceof AppError) {
    const status = errorStatus[err.code];
    const errors = err.issues && err.issues.length > 0
      ? err.issues.map((i) => ({ code: status, description: i.path ? `${i.path}: ${i.message}` : i.message }))
      : [{ code: status, description: err.message }];
    return { status, errors, headers: err.headers ?? {} };
  }
  // Only the error's name and message are logged: a request body may carry a reporter's identity.
  log(`internal error in open311: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
  return { status: 500, errors: [{ code: 500, description: 'Internal error.' }], headers: {} };
}

function renderError(c: Context, deps: Deps, format: Format, err: unknown) {
  const { status, errors, headers } = errorList(err, deps.log);
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  return answer(c, format, 'errors', errors, status as 400);
}

/** Runs a handler for a resource file; its errors answer in the file's format. */
function resource(deps: Deps, handle: (c: Context, name: string, format: Format) => Promise<Response>) {
  return async (c: Context) => {
    const file = split(c.req.param('file') ?? '');
    const format = file?.format ?? formatOfPath(c.req.path);
    try {
      if (!file) throw new AppError('not_found', 'Ask for .json or .xml.');
      return await handle(c, file.name, file.format);
    } catch (err) {
      return renderError(c, deps, format, err);
    }
  };
}

/** The discovery document: this endpoint, its formats, and the intake centre as contact. */
async function discovery(deps: Deps, lang: 'zh' | 'en') {
  const changeset = '2026-12-04T00:00:00+08:00';
  const centre = (await directorySnapshot(deps.db)).departments.get(`intake-${deps.config.INTAKE_PROVINCE}`);
  const contact = centre ? `${lang === 'en' ? centre.name_en : centre.name_zh}${centre.email ? ` <${centre.email}>` : ''}` : deps.config.publicUrl;
  return {
    changeset,
    contact,
    key_service: open311Texts[lang].keyService,
    endpoints: [{
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `${deps.config.publicUrl}/open311/v2`,
      changeset,
      type: 'production',
      formats: ['application/json', 'text/xml'],
    }],
  };
}

export function open311Routes(deps: Deps) {
  const app = new Hono();
  const lang = (c: Context) => langOf(c.req.query('lang'));
  app.get('/:file', resource(deps, async (c, name, format) => {
    if (name === 'discovery') return answer(c, format, 'discovery', await discovery(deps, lang(c)));
    if (name === 'services') return answer(c, format, 'services', await listServices(deps, c.req.query('jurisdiction_id'), lang(c)));
    if (name !== 'requests') throw new AppError('not_found', `No resource ${name}.`);
    const query = listQuerySchema.parse(c.req.query());
    return answer(c, format, 'service_requests', await listRequests(deps, query, lang(c)));
  }));
  app.post('/:file', resource(deps, async (c, name, format) => {
    if (name !== 'requests') throw new AppError('not_found', `No resource ${name} to post to.`);
    const filed = await fileRequest(deps, await readFormBody(c.req, { all: true }), lang(c));
    return answer(c, format, 'service_requests', [filed]);
  }));
  app.get('/services/:file', resource(deps, async (c, code, format) =>
    answer(c, format, 'service_definition', await serviceDefinition(deps, code, c.req.query('jurisdiction_id'), lang(c)))));
  app.get('/requests/:file', resource(deps, async (c, id, format) =>
    answer(c, format, 'service_requests', await oneRequest(deps, id, lang(c)))));
  app.get('/tokens/:file', resource(deps, async (c, token, format) =>
    answer(c, format, 'service_requests', await resolveToken(deps, token))));
  app.all('*', (c) => renderError(c, deps, formatOfPath(c.req.path), new AppError('not_found', `No such resource: ${c.req.method} ${c.req.path}`)));
  return app;
}
