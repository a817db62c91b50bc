/** Open311 test helpers: the public GeoReport v2 schemas loaded with Ajv, a tiny XML reader, form posts. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedSchemaDir = path.resolve(repoRoot, '../shared/open311/georeport-v2');
export const fixtureSchemaDir = path.resolve(repoRoot, 'tests/fixtures/open311/georeport-v2');
export const schemaDir = existsSync(sharedSchemaDir) ? sharedSchemaDir : fixtureSchemaDir;
export const SCHEMA_FILES = ['request.json', 'requests.json', 'service.json', 'services.json', 'service-definition.json', 'swagger.json'];

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Validators for each answer: the schema files by name, POST and token answers from swagger.json. */
export function loadValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // swagger.json's own formats carry no rule of JSON Schema's.
  for (const name of ['uid', 'uint', 'double']) ajv.addFormat(name, true);
  const read = (file: string) => JSON.parse(readFileSync(path.join(schemaDir, file), 'utf8')) as Record<string, any>;
  for (const file of ['request.json', 'service.json']) ajv.addSchema(read(file), file);
  const swagger = read('swagger.json');
  const compile = (file: string) => ajv.compile(read(file));
  return {
    services: compile('services.json'),
    definition: compile('service-definition.json'),
    requests: compile('requests.json'),
    posted: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.RequestResponse }),
    token: ajv.compile({ type: 'array', minItems: 1, items: swagger.definitions.TokenResponse }),
  } satisfies Record<string, ValidateFunction>;
}

export interface XmlNode { name: string; children: XmlNode[]; text: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads the XML these answers use: a declaration, elements without attributes, text, entities. */
export function parseXml(xml: string): { declaration: string; root: XmlNode } {
  const decl = /^<\?xml[^?]*\?>\s*/.exec(xml);
  if (!decl) throw new Error('no XML declaration');
  let at = decl[0].length;
  const tag = /<(\/?)([A-Za-z_][\w.-]*)\s*(\/?)>/y;
  const readElement = (): XmlNode => {
    tag.lastIndex = at;
    const open = tag.exec(xml);
    if (!open || open[1]) throw new Error(`expected an element at ${at}`);
    at = tag.lastIndex;
    const node: XmlNode = { name: open[2]!, children: [], text: '' };
    if (open[3]) return node;
    for (;;) {
      const lt = xml.indexOf('<', at);
      if (lt < 0) throw new Error(`unclosed <${node.name}>`);
      node.text += xml.slice(at, lt).replace(/&(\w+);/g, (_, e: string) => ENTITIES[e] ?? `&${e};`);
      at = lt;
      if (xml.startsWith('</', at)) {
        tag.lastIndex = at;
        const close = tag.exec(xml);
        if (!close || close[2] !== node.name) throw new Error(`mismatched </${close?.[2]}> for <${node.name}>`);
        at = tag.lastIndex;
        return node;
      }
      node.children.push(readElement());
    }
  };
  const root = readElement();
  if (xml.slice(at).trim() !== '') throw new Error('content after the root element');
  return { declaration: decl[0].trim(), root };
}

const LISTS = new Set(['services', 'service_requests', 'attributes', 'values', 'errors', 'endpoints', 'formats']);

/** An element as the JSON it should equal, every leaf a string (a null is an empty element). */
export function xmlValue(node: XmlNode): unknown {
  if (LISTS.has(node.name)) return node.children.map(xmlValue);
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, xmlValue(c)]));
}

/** JSON with every leaf as its XML text. */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  return String(value);
}

export const form = (fields: Record<string, string | undefined>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) body.append(k, v);
  return body.toString();
};
