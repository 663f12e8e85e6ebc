import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { REVIEW_STEP_LABELS, type ReviewHistoryEntry } from '@/lib/versioning/review-step-labels';
import { formatDateTime } from '@/lib/time/format';

/** A version's review history (审核记录), oldest first, from its read model. */
export function ReviewHistory() {
  const record = useRecordContext<{ review_history?: ReviewHistoryEntry[] }>();
  const steps = record?.review_history ?? [];
  if (!steps.length) return <Typography color="text.secondary">尚无审核记录</Typography>;
  return (
    <Table size="small" data-testid="review-history">
      <TableHead>
        <TableRow>
          <TableCell>时间</TableCell>
          <TableCell>人员</TableCell>
          <TableCell>操作</TableCell>
          <TableCell>原因 / 意见</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {steps.map((s, i) => (
          <TableRow key={i}>
            <TableCell>{formatDateTime(s.at)}</TableCell>
            <TableCell>{s.actor_name}</TableCell>
            <TableCell>{REVIEW_STEP_LABELS[s.step]}</TableCell>
            <TableCell>{s.comment}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
