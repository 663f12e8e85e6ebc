import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = join(__dirname, '..');

function resourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return resourceFiles(path);
    return entry.name.endsWith('-resource.ts') ? [path] : [];
  });
}

describe('back-office lists', () => {
  it('are declared (declaredList), not written out again in each resource', () => {
    const handWritten = resourceFiles(LIB)
      .filter((path) => /\brunListQuery\(|\bfilterValue\(|\bcontainsPattern\(/.test(readFileSync(path, 'utf8')))
      .map((path) => path.slice(LIB.length + 1));
    expect(handWritten).toEqual([]);
  });
});
