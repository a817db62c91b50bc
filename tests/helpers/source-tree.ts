/** The repository's source files and their relative imports, read as text for the structure tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path relative to the repository root, with forward slashes. */
export const rel = (file: string): string => relative(ROOT, file).split('\\').join('/');

/** Every .ts/.tsx file (and .mjs with `withMjs`) below a folder, declaration files left out. */
export function sourceFiles(dir: string, options: { withMjs?: boolean; skip?: readonly string[] } = {}): string[] {
  if (!existsSync(dir)) return [];
  const pattern = options.withMjs ? /\.(ts|tsx|mjs)$/ : /\.tsx?$/;
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return options.skip?.includes(name) ? [] : sourceFiles(path, options);
    return pattern.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, type-only imports included. */
export function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** A relative specifier as the file it names ('./x.js' is x.ts or x.tsx in the source). */
export function resolveRelative(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|ts|tsx|mjs)$/, '');
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}
