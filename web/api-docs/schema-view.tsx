/** A JSON Schema as readable HTML: objects as lists of fields, alternatives as numbered lists, nested to any depth. */
import type { Child } from 'hono/jsx';
import type { DocsText } from './text.js';

type Schema = { [key: string]: unknown };

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown) => JSON.stringify(v);

/** Alternatives other than "X or null", which reads as X with "or null". */
function alternatives(schema: Schema): Schema[] | null {
  const list = (schema.oneOf ?? schema.anyOf) as unknown;
  if (!Array.isArray(list)) return null;
  const options = list.filter(isSchema);
  const real = options.filter((o) => o.type !== 'null');
  // Constants only (1 | 2 | 3) read as one type.
  return real.length > 1 && !options.every((o) => o.const !== undefined) ? options : null;
}

/** The schema without a null alternative, and whether null is allowed. */
function unwrapNull(schema: Schema): { schema: Schema; nullable: boolean } {
  const list = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!Array.isArray(list)) return { schema, nullable: false };
  const real = list.filter(isSchema).filter((o) => o.type !== 'null');
  if (real.length !== 1 || real.length === list.length) return { schema, nullable: false };
  const { anyOf: _a, oneOf: _o, ...rest } = schema;
  return { schema: { ...rest, ...real[0] }, nullable: true };
}

/** The type in a few words: `string`, `integer`, `array of object`, `"a" | "b"`, `→ Error`. */
export function typeText(raw: Schema): string {
  const { schema, nullable } = unwrapNull(raw);
  let text: string;
  if (typeof schema.$ref === 'string') text = schema.$ref.split('/').pop()!;
  else if (schema.const !== undefined) text = shown(schema.const);
  else if (Array.isArray(schema.enum)) text = schema.enum.map(shown).join(' | ');
  else if (Array.isArray(schema.oneOf ?? schema.anyOf) && ((schema.oneOf ?? schema.anyOf) as Schema[]).every((o) => o.const !== undefined)) {
    text = ((schema.oneOf ?? schema.anyOf) as Schema[]).map((o) => shown(o.const)).join(' | ');
  }
  else if (schema.type === 'array' && isSchema(schema.items)) text = `array of ${typeText(schema.items)}`;
  else if (alternatives(schema)) text = 'one of';
  else if (typeof schema.type === 'string') text = schema.format ? `${schema.type} (${String(schema.format)})` : schema.type;
  else text = 'any';
  return nullable ? `${text} or null` : text;
}

const RULES: [string, string][] = [
  ['minLength', 'at least {} characters'], ['maxLength', 'at most {} characters'], ['minimum', '≥ {}'], ['maximum', '≤ {}'],
  ['minItems', 'at least {} items'], ['maxItems', 'at most {} items'], ['pattern', 'pattern {}'], ['default', 'default {}'],
  ['contentMediaType', 'a file ({})'],
];

/** Constraints and the description, as short phrases. */
export function ruleText(raw: Schema): string {
  const { schema } = unwrapNull(raw);
  const rules = RULES.filter(([key]) => schema[key] !== undefined && !(key === 'minLength' && schema[key] === 1))
    .map(([key, phrase]) => phrase.replace('{}', typeof schema[key] === 'string' && key !== 'default' ? String(schema[key]) : shown(schema[key])));
  const description = [raw.description, schema.description].find((d) => typeof d === 'string') as string | undefined;
  const notEmpty = schema.minLength === 1 ? ['not empty'] : [];
  return [...notEmpty, ...rules, ...(description ? [description] : [])].join('; ');
}

/** What a field's cell shows below its type: the nested object, the items' fields, or the alternatives. */
function nested(raw: Schema, t: DocsText): Child {
  const { schema } = unwrapNull(raw);
  if (schema.type === 'object' && isSchema(schema.properties)) return <SchemaView schema={schema} t={t} />;
  if (schema.type === 'array' && isSchema(schema.items)) {
    const items = unwrapNull(schema.items).schema;
    if (isSchema(items.properties) || alternatives(items)) return <><p class="hint">{t.arrayOf}</p><SchemaView schema={items} t={t} /></>;
  }
  if (alternatives(schema)) return <SchemaView schema={schema} t={t} />;
  return null;
}

/** One field: its name, type, whether it is required, its rules, then what is inside it. */
export function FieldItem({ name, schema, required, t, extra }: { name: string; schema: Schema; required: boolean; t: DocsText; extra?: string }) {
  const rules = [ruleText(schema), extra ?? ''].filter(Boolean).join('; ');
  return (
    <li>
      <code><strong>{name}</strong></code> <code>{typeText(schema)}</code> {required ? <strong>{t.required}</strong> : <span class="hint">{t.optional}</span>}
      {rules && <div class="hint">{rules}</div>}
      {nested(schema, t)}
    </li>
  );
}

function FieldList({ schema, t }: { schema: Schema; t: DocsText }) {
  const properties = schema.properties as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? schema.required as string[] : []);
  return (
    <ul class="api-fields">
      {Object.entries(properties).map(([name, field]) => <FieldItem name={name} schema={field} required={required.has(name)} t={t} />)}
    </ul>
  );
}

/** Any schema: a table of fields, a list of alternatives, or its type and rules in one line. */
export function SchemaView({ schema: raw, t }: { schema: Schema; t: DocsText }) {
  const { schema } = unwrapNull(raw);
  const options = alternatives(schema);
  if (options) {
    return (
      <div class="schema-alternatives">
        <p>{t.oneOf}</p>
        <ol>{options.map((option) => <li>{isSchema(option.properties) ? <FieldList schema={option} t={t} /> : <code>{typeText(option)}</code>}</li>)}</ol>
      </div>
    );
  }
  if (isSchema(schema.properties)) {
    return <>{typeof schema.description === 'string' && <p>{schema.description}</p>}<FieldList schema={schema} t={t} /></>;
  }
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.split('/').pop()!;
    return <p><a href={`#schema-${name}`}><code>{name}</code></a></p>;
  }
  const rules = ruleText(raw);
  return <p><code>{typeText(raw)}</code>{rules && ` — ${rules}`}{nested(raw, t)}</p>;
}
