import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Chip, Button as MuiButton, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Button, CreateButton, Datagrid, FunctionField, List, NumberField, Pagination, ReferenceField, ReferenceManyField, Show, SimpleShowLayout,
  TextField, TopToolbar, useRecordContext, useRefresh,
} from 'react-admin';
import type { StatementImportStatus, StatementLineOutcome } from '@/db/database';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import type { StatementImportLineRecord } from '@/lib/payments/statement/statement-import-line-resource';
import { STATEMENT_IMPORT_STATUS_LABELS } from '@/lib/payments/statement/statement-import-status';
import type { StatementImportRecord } from '@/lib/payments/statement/statement-import-resource';
import { STATEMENT_LINE_OUTCOME_LABELS, STATEMENT_LINE_OUTCOMES } from '@/lib/payments/statement/statement-line-outcome';
import { InstantField, MoneyField } from '../../_components/fields';
import { StatementImportProgress } from './statement-import-progress';
import { downloadStatementTemplate } from './statement-template';

function TemplateButton() {
  return <Button label="模板下载" onClick={downloadStatementTemplate} data-testid="statement-template-download"><DownloadIcon /></Button>;
}

function ImportActions() {
  return (
    <TopToolbar>
      <TemplateButton />
      <CreateButton label="导入银行流水" icon={<UploadFileIcon />} data-testid="statement-import-start" />
    </TopToolbar>
  );
}

function NoImports() {
  return (
    <Box sx={{ textAlign: 'center', m: 4 }} data-testid="statement-imports-empty">
      <Typography variant="h6" gutterBottom>还没有导入过银行流水</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        银行未能实时通知的转账，可以从网银导出流水后按模板整理成 CSV 文件导入，预览无误后再确认导入。
      </Typography>
      <TemplateButton />
      <CreateButton label="导入银行流水" icon={<UploadFileIcon />} variant="contained" data-testid="statement-import-start" />
    </Box>
  );
}

const STATUS_COLORS: Record<StatementImportStatus, 'default' | 'success' | 'error' | 'info'> = { running: 'info', done: 'success', failed: 'error' };

function StatusChip({ record }: { record: StatementImportRecord }) {
  const name = STATEMENT_IMPORT_STATUS_LABELS[record.status];
  const label = record.status === 'running' ? `${name} ${record.processed_lines}/${record.lines}` : name;
  return <Chip size="small" color={STATUS_COLORS[record.status]} label={label} />;
}

/** 银行流水导入: every import, by whom, its progress and result; a row opens the per-line result. */
export function StatementImportList() {
  return (
    <List sort={{ field: 'created_at', order: 'DESC' }} actions={<ImportActions />} empty={<NoImports />}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <InstantField source="created_at" />
        <TextField source="actor_label" sortable={false} />
        <ReferenceField source="region_id" reference="regions" link={false} sortable={false} emptyText="平台" />
        <TextField source="bank_name" sortable={false} />
        <TextField source="file_name" sortable={false} emptyText="—" />
        <FunctionField source="status" sortable={false} render={(r: StatementImportRecord) => <StatusChip record={r} />} />
        <NumberField source="lines" sortable={false} />
        <NumberField source="imported" sortable={false} />
        <NumberField source="already_imported" sortable={false} />
        <FunctionField
          source="matched"
          sortable={false}
          render={(r: StatementImportRecord) => `${r.matched} / ${r.unmatched}${r.duplicate ? ` / 重复支付 ${r.duplicate}` : ''}`}
        />
      </Datagrid>
    </List>
  );
}

const OUTCOME_COLORS: Record<StatementLineOutcome, 'success' | 'warning' | 'error' | 'default' | 'info'> = {
  issued: 'success',
  review: 'info',
  refunded: 'warning',
  duplicate: 'warning',
  unmatched: 'default',
  already_imported: 'default',
};

function LineResults({ job }: { job: StatementImportRecord }) {
  const [outcome, setOutcome] = useState<StatementLineOutcome | ''>('');
  const counts: Record<StatementLineOutcome, number> = {
    issued: job.issued, review: job.review, refunded: job.refunded, duplicate: job.duplicate, unmatched: job.unmatched, already_imported: job.already_imported,
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6">逐行结果</Typography>
        <ToggleButtonGroup size="small" exclusive value={outcome} onChange={(_e, value: StatementLineOutcome | '' | null) => value !== null && setOutcome(value)}>
          <ToggleButton value="" data-testid="statement-lines-filter-all">全部 {job.processed_lines}</ToggleButton>
          {STATEMENT_LINE_OUTCOMES.filter((o) => counts[o] > 0).map((o) => (
            <ToggleButton key={o} value={o} data-testid={`statement-lines-filter-${o}`}>
              {STATEMENT_LINE_OUTCOME_LABELS[o]} {counts[o]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <MuiButton size="small" startIcon={<DownloadIcon />} href={`/api/admin/statements/imports/${encodeURIComponent(String(job.id))}/lines`} data-testid="statement-lines-download">
          下载逐行结果（CSV）
        </MuiButton>
      </Box>
      <ReferenceManyField
        key={outcome}
        reference="statement-import-lines"
        target="import_id"
        filter={outcome ? { outcome } : {}}
        sort={{ field: 'line', order: 'ASC' }}
        perPage={50}
        pagination={<Pagination rowsPerPageOptions={[50, 100, 200]} />}
      >
        <Datagrid bulkActionButtons={false} rowClick={false} data-testid="statement-lines" empty={<Typography sx={{ p: 2 }}>没有此类记录</Typography>}>
          <NumberField source="line" sortable={false} />
          <TextField source="bank_txn_id" sortable={false} />
          <MoneyField source="amount_fen" />
          <TextField source="payer_name" sortable={false} />
          <TextField source="remark" sortable={false} />
          <FunctionField
            source="outcome"
            sortable={false}
            render={(r: StatementImportLineRecord) => <Chip size="small" color={OUTCOME_COLORS[r.outcome]} label={STATEMENT_LINE_OUTCOME_LABELS[r.outcome]} />}
          />
          <FunctionField
            source="order_number"
            sortable={false}
            render={(r: StatementImportLineRecord) => (r.order_number ? `${r.order_number}（${r.order_status ? ORDER_STATUS_LABELS[r.order_status] : ''}）` : '—')}
          />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
}

function ImportDetails() {
  const job = useRecordContext<StatementImportRecord>();
  const refresh = useRefresh();
  if (!job) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      {/* While the import runs the bar follows it; when it ends the page reloads its counts and lines. */}
      <StatementImportProgress id={String(job.id)} onFinished={(done) => done.status !== job.status && refresh()} />
      <LineResults job={job} />
    </Stack>
  );
}

/** One import: who, which file (its digest), the result and every line's outcome, paged, with a CSV download. */
export function StatementImportShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <InstantField source="created_at" />
        <InstantField source="finished_at" />
        <TextField source="actor_label" />
        <ReferenceField source="region_id" reference="regions" link={false} emptyText="平台" />
        <TextField source="bank_name" />
        <TextField source="file_name" emptyText="—" />
        <FunctionField source="encoding" render={(r: StatementImportRecord) => (r.encoding === 'gb18030' || r.encoding === 'gbk' ? 'GBK/GB18030' : 'UTF-8')} />
        <TextField source="sha256" className="mono" />
        <FunctionField source="status" render={(r: StatementImportRecord) => <StatusChip record={r} />} />
      </SimpleShowLayout>
      <ImportDetails />
    </Show>
  );
}
