/**
 * The app core runs on Workers, so it may use Web APIs only (docs/runtimes.md): node:* modules,
 * better-sqlite3 and nodemailer stay in the Node entries and their adapters. The layers point one
 * way: pages call services (never a repository or db/), db/ knows nothing of the server, and the
 * domain vocabulary imports nothing. Read from the source with TypeScript's own import scanner,
 * type-only imports included.
 */
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, rel, resolveRelative, ROOT, sourceFiles } from '../helpers/source-tree.js';


/** The Node entries (server, operator CLI) and the Node adapters: the only server modules allowed Node. */
const NODE_ONLY = [/^server\/node\.ts$/, /^server\/cli\.ts$/, /^server\/node\//];
const NODE_PACKAGES = new Set(['better-sqlite3', 'nodemailer', '@hono/node-server']);
const builtins = new Set(builtinModules);

const isNodeOnly = (file: string) => NODE_ONLY.some((re) => re.test(rel(file)));

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Why a specifier is Node-only, or null. */
function nodeOnlyReason(specifier: string): string | null {
  if (specifier.startsWith('node:')) return 'a node: module';
  if (builtins.has(specifier) || builtins.has(packageName(specifier))) return 'a Node built-in';
  if (NODE_PACKAGES.has(packageName(specifier))) return 'a Node-only package';
  return null;
}

/** Every file reachable from an entry through relative imports, with the path that reached it. */
function closure(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>([[entry, [rel(entry)]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of importsOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveRelative(file, specifier);
      if (!target || !/\.tsx?$/.test(target) || reached.has(target)) continue;
      reached.set(target, [...reached.get(file)!, rel(target)]);
      queue.push(target);
    }
  }
  return reached;
}

function violationsFrom(entry: string): string[] {
  const found: string[] = [];
  for (const [file, path] of closure(join(ROOT, entry))) {
    if (isNodeOnly(file)) found.push(`${path.join(' → ')} (a Node-only module)`);
    for (const specifier of importsOf(file)) {
      const reason = nodeOnlyReason(specifier);
      if (reason) found.push(`${path.join(' → ')} imports ${specifier} (${reason})`);
    }
  }
  return found;
}

/**
 * Why importing `specifier` from `from` (both repository-relative) breaks a layer rule, or null.
 * web/ reaches data through services only; db/ is below server/ and web/; domain/ is below all.
 */
export function layerViolation(from: string, specifier: string): string | null {
  const relativeSpecifier = specifier.startsWith('.');
  const target = relativeSpecifier ? posix.normalize(posix.join(posix.dirname(from), specifier)) : null;
  if (from.startsWith('domain/')) {
    if (!target) return 'domain/ imports no package';
    if (!target.startsWith('domain/')) return 'domain/ imports nothing outside domain/';
  }
  if (from.startsWith('web/') && target) {
    if (/\.repository(\.(js|ts|tsx))?$/.test(target)) return 'a page calls a service, not a repository';
    if (target.startsWith('db/')) return 'a page takes its types from domain/ or a service, not db/';
  }
  if (from.startsWith('db/') && target && (target.startsWith('server/') || target.startsWith('web/'))) {
    return 'db/ is below server/ and web/';
  }
  return null;
}

function layerViolations(folder: string): string[] {
  return sourceFiles(join(ROOT, folder)).flatMap((file) => importsOf(file).flatMap((specifier) => {
    const reason = layerViolation(rel(file), specifier);
    return reason ? [`${rel(file)} imports ${specifier} (${reason})`] : [];
  }));
}

describe('import graph', () => {
  it('keeps node:*, better-sqlite3 and nodemailer out of every server module but the Node entries and adapters', () => {
    const offenders = sourceFiles(join(ROOT, 'server'))
      .filter((file) => !isNodeOnly(file))
      .flatMap((file) => importsOf(file).filter((s) => nodeOnlyReason(s)).map((s) => `${rel(file)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('reaches no Node-only module from the Workers entry, through db/ and web/ as well', () => {
    expect(violationsFrom('server/worker.ts')).toEqual([]);
  });

  it('reaches no Node-only module from the app core (createApp)', () => {
    expect(violationsFrom('server/app.ts')).toEqual([]);
  });

  it('would notice: the Node adapters do import what the core must not', () => {
    expect(importsOf(join(ROOT, 'server/node/sqlite.ts'))).toContain('better-sqlite3');
    expect(nodeOnlyReason('node:fs')).not.toBeNull();
    expect(nodeOnlyReason('fs/promises')).not.toBeNull();
    expect(nodeOnlyReason('nodemailer/lib/smtp-transport/index.js')).not.toBeNull();
    expect(nodeOnlyReason('hono')).toBeNull();
    expect(violationsFrom('server/node.ts').length).toBeGreaterThan(0);
  });

  it('keeps web/ off repositories and db/, db/ off server/ and web/, and domain/ on its own', () => {
    expect(['web', 'db', 'domain'].flatMap(layerViolations)).toEqual([]);
  });

  it('would notice: a page on a repository or db/, db/ on the server, domain/ on anything', () => {
    expect(layerViolation('web/admin/users.routes.tsx', '../../server/directory/directory.repository.js')).not.toBeNull();
    expect(layerViolation('web/pages/submit.tsx', '../../db/schema.js')).not.toBeNull();
    expect(layerViolation('web/pages/submit.tsx', '../../server/directory/directory.service.js')).toBeNull();
    expect(layerViolation('db/seed/calendar.ts', '../../server/clocks/calendar.repository.js')).not.toBeNull();
    expect(layerViolation('db/seed/directory.ts', '../../web/i18n.js')).not.toBeNull();
    expect(layerViolation('db/schema.ts', '../domain/vocabulary.js')).toBeNull();
    expect(layerViolation('domain/vocabulary.ts', 'zod')).not.toBeNull();
    expect(layerViolation('domain/vocabulary.ts', '../server/errors.js')).not.toBeNull();
    expect(layerViolation('domain/lifecycle.ts', './vocabulary.js')).toBeNull();
    // The scan reads real imports: db/ does import something, so an empty result is not a blind scan.
    expect(importsOf(join(ROOT, 'db/seed/calendar.ts')).length).toBeGreaterThan(0);
  });
});
