import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Layers point down: app/ → lib/ → rules/, forms/ → db/. A lower layer importing a higher one would let a
// migration or the test database depend on domain code that itself depends on them.
const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file !== import.meta.filename);
}

/** Every module a source text names: imports and re-exports, side-effect imports, import() and require(). */
function moduleSpecifiers(text: string): { specifier: string; line: number }[] {
  const pattern = /\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*(['"])([^'"]+)\3|\b(?:import|require)\s*\(\s*(['"])([^'"]+)\5\s*\)/g;
  return [...text.matchAll(pattern)].map((match) => ({
    specifier: (match[2] ?? match[4] ?? match[6])!,
    line: text.slice(0, match.index).split('\n').length,
  }));
}

/** The repository path a specifier points at (`lib/auth/password`), or null for a package. */
function target(file: string, specifier: string): string | null {
  if (specifier.startsWith('@/')) return specifier.slice(2);
  if (!specifier.startsWith('.')) return null;
  return path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/');
}

function importsInto(dir: string, allowed: (to: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    moduleSpecifiers(readFileSync(file, 'utf8')).flatMap(({ specifier, line }) => {
      const to = target(file, specifier);
      return to === null || allowed(to) ? [] : [`${path.relative(root, file)}:${line} imports '${specifier}'`];
    }),
  );
}

const under = (to: string, ...folders: string[]) => folders.some((folder) => to === folder || to.startsWith(`${folder}/`));

describe('layers point down', () => {
  it('reads every form of import', () => {
    const text = [
      "import { a } from '@/lib/a';",
      "import type {\n  B,\n} from '../lib/b';",
      "export * from './c';",
      "import './d';",
      "const e = await import('@/lib/e');",
      "const f = require('../../lib/f');",
      "const g = 'not an import from here';",
    ].join('\n');
    expect(moduleSpecifiers(text)).toEqual([
      { specifier: '@/lib/a', line: 1 },
      { specifier: '../lib/b', line: 2 },
      { specifier: './c', line: 5 },
      { specifier: './d', line: 6 },
      { specifier: '@/lib/e', line: 7 },
      { specifier: '../../lib/f', line: 8 },
    ]);
  });

  it('keeps db/ free of lib/ and app/', () => {
    expect(sourceFiles('db').length).toBeGreaterThan(10);
    expect(importsInto('db', (to) => !under(to, 'lib', 'app'))).toEqual([]);
  });

  it('lets rules/ and forms/ import only the shared kernel of lib/ (lib/errors, lib/diff), never app/', () => {
    for (const dir of ['rules', 'forms']) {
      expect(importsInto(dir, (to) => !under(to, 'lib', 'app') || under(to, 'lib/errors', 'lib/diff'))).toEqual([]);
    }
  });
});
