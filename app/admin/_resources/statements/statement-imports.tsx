import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Typography } from '@mui/material';
import { Button, CreateButton, Datagrid, FunctionField, List, NumberField, ReferenceField, TextField, TopToolbar } from 'react-admin';
import type { StatementImportRecord } from '@/lib/payments/statement/statement-import-resource';
import { InstantField } from '../../_components/fields';
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

/** 银行流水导入: what was imported, by whom and with what result; each is a link of the audit chain. */
export function StatementImportList() {
  return (
    <List sort={{ field: 'occurred_at', order: 'DESC' }} actions={<ImportActions />} empty={<NoImports />}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <InstantField source="occurred_at" />
        <TextField source="actor_label" sortable={false} />
        <ReferenceField source="region_id" reference="regions" link={false} sortable={false} emptyText="平台" />
        <TextField source="bank_name" sortable={false} />
        <TextField source="file_name" sortable={false} emptyText="—" />
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
