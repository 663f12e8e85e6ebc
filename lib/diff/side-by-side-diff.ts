import { diffLines } from 'diff';

export type DiffRowKind = 'same' | 'removed' | 'added' | 'changed';

/** One row of a side-by-side view: the left (older) line, the right (newer) line, or both. */
export interface DiffRow {
  kind: DiffRowKind;
  left?: { line: number; text: string };
  right?: { line: number; text: string };
}

/**
 * Side-by-side line diff of two texts. Removed and added runs that meet are paired into "changed" rows,
 * as reviewers read them.
 */
export function sideBySideDiff(olderText: string, newerText: string): { rows: DiffRow[]; changes: number } {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  let changes = 0;
  const parts = diffLines(olderText, newerText);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const lines = splitLines(part.value);
    if (!part.added && !part.removed) {
      for (const text of lines) rows.push({ kind: 'same', left: { line: left++, text }, right: { line: right++, text } });
      continue;
    }
    changes++;
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      const added = splitLines(next.value);
      for (let j = 0; j < Math.max(lines.length, added.length); j++) {
        const l = lines[j];
        const r = added[j];
        rows.push({
          kind: l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added',
          ...(l !== undefined ? { left: { line: left++, text: l } } : {}),
          ...(r !== undefined ? { right: { line: right++, text: r } } : {}),
        });
      }
      i++;
    } else if (part.removed) {
      for (const text of lines) rows.push({ kind: 'removed', left: { line: left++, text } });
    } else {
      for (const text of lines) rows.push({ kind: 'added', right: { line: right++, text } });
    }
  }
  return { rows, changes };
}

function splitLines(value: string): string[] {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
