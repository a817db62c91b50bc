/**
 * Size limits a newcomer can rely on: no source file of 300 lines or more and no function longer
 * than 80 lines, so each rule sits in a room small enough to read at once. Messages catalogues
 * (web/**\/messages-*.ts) are data, not code, and are left out. Functions are measured from their
 * first to their last line, as TypeScript's parser sees them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { rel, ROOT, sourceFiles } from '../helpers/source-tree.js';

const FOLDERS = ['domain', 'server', 'web', 'db', 'tools', 'scripts', 'bench'];
const MAX_FILE_LINES = 299;
const MAX_FUNCTION_LINES = 80;
const DATA_FILE = /(^|\/)messages(-[a-z-]+)?\.ts$/;

function lineCount(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

/** Functions (declarations, expressions, arrows, methods) longer than `max` lines, as "file:line name (n lines)". */
export function longFunctions(fileName: string, text: string, max: number): string[] {
  const kind = fileName.endsWith('x') ? ts.ScriptKind.TSX : fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      const name = 'name' in node && node.name ? node.name.getText(source) : '(anonymous)';
      if (lines > max) found.push(`${fileName}:${first + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder), { withMjs: true, skip: ['node_modules', 'results'] })).filter((f) => !DATA_FILE.test(rel(f)));

describe('code shape', () => {
  it('reads a fair number of source files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it(`keeps every source file under ${MAX_FILE_LINES + 1} lines`, () => {
    const long = files
      .map((f) => ({ file: rel(f), lines: lineCount(readFileSync(f, 'utf8')) }))
      .filter((f) => f.lines > MAX_FILE_LINES)
      .map((f) => `${f.file} (${f.lines} lines)`);
    expect(long).toEqual([]);
  });

  it(`keeps every function within ${MAX_FUNCTION_LINES} lines`, () => {
    expect(files.flatMap((f) => longFunctions(rel(f), readFileSync(f, 'utf8'), MAX_FUNCTION_LINES))).toEqual([]);
  });

  it('would notice a long function, an arrow one included', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `function big() {\n${body}\n}\n`, 80)).toEqual(['x.ts:1 big (92 lines)']);
    expect(longFunctions('x.ts', `const f = () => {\n${body}\n};\n`, 80)).toHaveLength(1);
    expect(longFunctions('x.ts', 'function small() {\n  return 1;\n}\n', 80)).toEqual([]);
  });
});
