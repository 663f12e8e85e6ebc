import { Box } from '@mui/material';
import type { DiffRow } from '@/lib/diff/side-by-side-diff';

const COLORS: Record<DiffRow['kind'], { left?: string; right?: string }> = {
  same: {},
  removed: { left: '#fdecea' },
  added: { right: '#e8f5e9' },
  changed: { left: '#fdecea', right: '#e8f5e9' },
};

/** A side-by-side diff (lib/diff/side-by-side-diff.ts): removed lines red on the left, added green on the right. */
export function DiffTable({ rows, left, right }: { rows: DiffRow[]; left: string; right: string }) {
  return (
    <Box component="table" data-testid="diff-table" sx={{ width: '100%', borderCollapse: 'collapse', fontFamily: 'monospace', fontSize: 12, tableLayout: 'fixed' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left' }}>{left}</th>
          <th style={{ textAlign: 'left' }}>{right}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <td style={{ background: COLORS[row.kind].left, whiteSpace: 'pre-wrap', wordBreak: 'break-all', verticalAlign: 'top' }}>
              {row.left ? `${String(row.left.line).padStart(3)}  ${row.left.text}` : ''}
            </td>
            <td style={{ background: COLORS[row.kind].right, whiteSpace: 'pre-wrap', wordBreak: 'break-all', verticalAlign: 'top' }}>
              {row.right ? `${String(row.right.line).padStart(3)}  ${row.right.text}` : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </Box>
  );
}
