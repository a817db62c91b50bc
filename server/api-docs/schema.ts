/**
 * JSON Schema for the API description: request schemas come from the zod schemas the routes parse
 * with (z.toJSONSchema, input side), so the description cannot drift from what is checked.
 * A few small builders for the answers, which have no zod schema, written from the public contract.
 */
import { z, type ZodType } from 'zod';

export type JsonSchema = { [key: string]: unknown };

/** The JSON Schema of what a zod schema accepts (what a client sends), without `$schema`. */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/** A zod schema as its JSON Schema; a hand-written JSON Schema as it is. */
export function asJsonSchema(schema: ZodType | JsonSchema): JsonSchema {
  return schema instanceof z.ZodType ? jsonSchemaOf(schema) : schema;
}

export const str = (description?: string, extra: JsonSchema = {}): JsonSchema =>
  ({ type: 'string', ...(description ? { description } : {}), ...extra });
export const int = (description?: string): JsonSchema => ({ type: 'integer', ...(description ? { description } : {}) });
export const bool = (description?: string): JsonSchema => ({ type: 'boolean', ...(description ? { description } : {}) });
export const time = (description?: string): JsonSchema => str(description, { format: 'date-time' });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
export const arr = (items: JsonSchema, description?: string): JsonSchema =>
  ({ type: 'array', items, ...(description ? { description } : {}) });

/** An object; every property is required unless its name ends in `?`. */
export function obj(props: Record<string, JsonSchema>, description?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [key, schema] of Object.entries(props)) {
    const optional = key.endsWith('?');
    const name = optional ? key.slice(0, -1) : key;
    properties[name] = schema;
    if (!optional) required.push(name);
  }
  return { type: 'object', ...(description ? { description } : {}), properties, ...(required.length ? { required } : {}) };
}

/** `{ items: [...] }`, optionally with the next page's cursor. */
export const list = (item: JsonSchema, paged = false): JsonSchema =>
  obj({ items: arr(item), ...(paged ? { nextCursor: nullable(str('the cursor of the next page; null on the last')) } : {}) });

/** An answer described in words only: its fields are listed on the staff pages that use it. */
export const described = (description: string): JsonSchema => ({ type: 'object', description });

/** The one error shape of every 4xx/5xx JSON answer. */
export const errorSchema: JsonSchema = obj({
  error: obj({
    code: str('snake_case error code, e.g. validation_failed, not_found, conflict'),
    message: str('human text; never internals'),
    'issues?': arr(obj({ path: str('the field, dotted (a.b)'), message: str() }), 'one entry per problem, all at once'),
  }),
});
