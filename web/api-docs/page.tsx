/** /api/docs: the OpenAPI document of /api/v1 as a page, in the public frame, without scripts. */
import type { OpenApiDocument, OpenApiOperation } from '../../server/api-docs/openapi.js';
import type { Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { FieldItem, SchemaView } from './schema-view.js';
import type { DocsText } from './text.js';

type Schema = { [key: string]: unknown };
type Entry = { method: string; path: string; op: OpenApiOperation };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** METHOD /a/b/{c}, with a line-break chance after each slash so a long path wraps on a phone. */
function Endpoint({ method, path }: { method: string; path: string }) {
  const parts = path.split('/');
  return <code>{method.toUpperCase()} {parts.map((part, i) => (i === 0 ? part : <>/<wbr />{part}</>))}</code>;
}

/** Every operation in document order, grouped by its tag in the document's tag order. */
export function groupedOperations(doc: OpenApiDocument): { tag: string; description: string; entries: Entry[] }[] {
  const entries: Entry[] = Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })));
  const tags = doc.tags as { name: string; description: string }[];
  return tags.map(({ name, description }) => ({ tag: name, description, entries: entries.filter((e) => e.op.tags[0] === name) })).filter((g) => g.entries.length > 0);
}

function authText(op: OpenApiOperation, t: DocsText): string {
  const schemes = (op.security as Schema[] | undefined ?? []).flatMap((s) => Object.keys(s));
  if (schemes.includes('staffBearer')) return t.authStaff;
  if (schemes.includes('followupBearer')) return t.authFollowup;
  return t.authNone;
}

function Parameters({ op, t }: { op: OpenApiOperation; t: DocsText }) {
  const params = (op.parameters ?? []) as { name: string; in: string; required: boolean; schema: Schema; description?: string }[];
  if (params.length === 0) return null;
  return (
    <>
      <h4>{t.parameters}</h4>
      <ul class="api-fields">
        {params.map((p) => (
          <FieldItem name={p.name} schema={p.schema} required={p.required} t={t}
            extra={[`${t.where}: ${p.in}`, p.in === 'header' ? p.description ?? '' : ''].filter(Boolean).join('; ')} />
        ))}
      </ul>
    </>
  );
}

function RequestBody({ op, t }: { op: OpenApiOperation; t: DocsText }) {
  const body = op.requestBody as { content: Record<string, { schema: Schema; encoding?: Record<string, { contentType: string }> }> } | undefined;
  if (!body) return null;
  return (
    <>
      {Object.entries(body.content).map(([type, media]) => (
        <>
          <h4>{t.requestBody}: <code>{type}</code></h4>
          {media.encoding && <p class="hint">{Object.entries(media.encoding).map(([part, e]) => `${part}: ${e.contentType}`).join('; ')}</p>}
          <SchemaView schema={media.schema} t={t} />
        </>
      ))}
    </>
  );
}

function Responses({ op, doc, t }: { op: OpenApiOperation; doc: OpenApiDocument; t: DocsText }) {
  const responses = op.responses as Record<string, Schema>;
  const shared = (doc.components as { responses: Record<string, { description: string }> }).responses;
  return (
    <>
      <h4>{t.responses}</h4>
      <dl class="api-responses">
        {Object.entries(responses).map(([status, answer]) => {
          const ref = typeof answer.$ref === 'string' ? answer.$ref.split('/').pop()! : null;
          if (ref) return <><dt><code>{status}</code></dt><dd>{shared[ref]?.description} (<a href="#schema-Error">{t.errorShape}</a>)</dd></>;
          const content = answer.content as Record<string, { schema: Schema }> | undefined;
          return (
            <>
              <dt><code>{status}</code></dt>
              <dd>{String(answer.description)}{content && Object.entries(content).map(([type, media]) => (
                <><p class="hint"><code>{type}</code></p><SchemaView schema={media.schema} t={t} /></>
              ))}</dd>
            </>
          );
        })}
      </dl>
    </>
  );
}

function OperationView({ entry, doc, t }: { entry: Entry; doc: OpenApiDocument; t: DocsText }) {
  const { method, path, op } = entry;
  return (
    <section id={op.operationId} class="api-operation">
      <h3><Endpoint method={method} path={path} /></h3>
      <p><strong>{op.summary}</strong></p>
      {typeof op.description === 'string' && <p>{op.description}</p>}
      <p>{t.auth}{authText(op, t)}</p>
      <Parameters op={op} t={t} />
      <RequestBody op={op} t={t} />
      <Responses op={op} doc={doc} t={t} />
      <p><a href="#operations">{t.backToTop}</a></p>
    </section>
  );
}

function Contents({ groups, t }: { groups: ReturnType<typeof groupedOperations>; t: DocsText }) {
  return (
    <nav id="operations" aria-labelledby="operations-heading">
      <h2 id="operations-heading">{t.contents}</h2>
      {groups.map((g) => (
        <>
          <h3><a href={`#tag-${g.tag}`}>{g.tag}</a></h3>
          <ul>{g.entries.map((e) => <li><a href={`#${e.op.operationId}`}><Endpoint method={e.method} path={e.path} /></a> — {e.op.summary}</li>)}</ul>
        </>
      ))}
    </nav>
  );
}

export function ApiDocsPage({ doc, t, text, switchHref }: { doc: OpenApiDocument; t: Messages; text: DocsText; switchHref: string }) {
  const groups = groupedOperations(doc);
  const components = doc.components as { schemas: { Error: Schema }; securitySchemes: Record<string, { description: string }> };
  return (
    <Layout t={t} title={text.title} switchHref={switchHref}>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <p>{text.document} <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a></p>
      <p>{text.conventions}</p>
      <Contents groups={groups} t={text} />
      {groups.map((g) => (
        <section id={`tag-${g.tag}`}>
          <h2>{g.tag}</h2>
          <p>{g.description}</p>
          {g.entries.map((entry) => <OperationView entry={entry} doc={doc} t={text} />)}
        </section>
      ))}
      <section id="schema-Error">
        <h2>{text.errorShape}</h2>
        <SchemaView schema={components.schemas.Error} t={text} />
      </section>
      <section id="security">
        <h2>{text.schemes}</h2>
        <dl>{Object.entries(components.securitySchemes).map(([name, s]) => <><dt><code>{name}</code></dt><dd>{s.description}</dd></>)}</dl>
      </section>
    </Layout>
  );
}
