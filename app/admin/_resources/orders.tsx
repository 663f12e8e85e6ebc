import DownloadIcon from '@mui/icons-material/Download';
import { Box, Chip, Stack, Typography } from '@mui/material';
import {
  Button, Datagrid, DateInput, FunctionField, Labeled, List, ReferenceInput, SearchInput, SelectInput, Show, SimpleShowLayout,
  TextField, TopToolbar, useListContext, useRecordContext,
} from 'react-admin';
import { Link } from 'react-router-dom';
import type { OrderStatus } from '@/db/database';
import { ORDER_STATUS_LABELS } from '@/lib/orders/order-status';
import type { OrderDetail } from '@/lib/orders/back-office/order-resource';
import type { TimelineEntry } from '@/lib/orders/back-office/order-timeline';
import { formatDateTime } from '@/lib/time/format';
import { allowed } from '../_components/allowed';
import { projectTypeChoices } from '../_components/choices';
import { InstantField, MoneyField } from '../_components/fields';

type OrderRow = OrderDetail & { allowed_actions?: string[] };

const statusChoices = Object.entries(ORDER_STATUS_LABELS).map(([id, name]) => ({ id, name }));

const STATUS_COLORS: Record<OrderStatus, 'warning' | 'info' | 'success' | 'default' | 'error'> = {
  pending_payment: 'warning',
  payment_review: 'info',
  issued: 'success',
  cancelled: 'default',
  abandoned: 'default',
  surrender_review: 'info',
  surrendered: 'default',
};

function StatusChip({ record }: { record: OrderDetail }) {
  return <Chip size="small" color={STATUS_COLORS[record.status]} label={ORDER_STATUS_LABELS[record.status]} />;
}

const filters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="订单号、投保企业、统一社会信用代码、项目、标段" sx={{ minWidth: 360 }} />,
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <ReferenceInput key="insurer_id" source="insurer_id" reference="insurers">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="product_id" source="product_id" reference="products">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <DateInput key="created_from" source="created_from" />,
  <DateInput key="created_to" source="created_to" />,
];

/** 导出: the list as filtered and sorted now, every page of it, as the server writes it. */
function ExportButton({ format }: { format: 'csv' | 'xlsx' }) {
  const { filterValues, sort } = useListContext();
  const query = new URLSearchParams({
    format,
    filter: JSON.stringify(filterValues ?? {}),
    sort: JSON.stringify([sort?.field ?? 'created_at', sort?.order ?? 'DESC']),
  });
  return (
    <Button
      label={format === 'csv' ? '导出 CSV' : '导出 Excel'}
      component="a"
      href={`/api/admin/order-export?${query.toString()}`}
      data-testid={`order-export-${format}`}
    >
      <DownloadIcon />
    </Button>
  );
}

function ListActions() {
  return (
    <TopToolbar>
      <ExportButton format="csv" />
      <ExportButton format="xlsx" />
    </TopToolbar>
  );
}

/** 全部订单: the region's orders, newest first, searchable and filterable, exportable as filtered. */
export function OrderList() {
  return (
    <List filters={filters} sort={{ field: 'created_at', order: 'DESC' }} actions={<ListActions />} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>暂无符合条件的订单</Box>}>
        <TextField source="order_number" />
        <FunctionField source="status" sortable={false} render={(r: OrderDetail) => <StatusChip record={r} />} />
        <TextField source="enterprise_name" sortable={false} />
        <TextField source="uscc" sortable={false} />
        <FunctionField source="project_name" sortable={false} render={(r: OrderDetail) => `${r.project_name} · ${r.section_name}`} />
        <TextField source="insurer_name" sortable={false} />
        <MoneyField source="premium_fen" />
        <InstantField source="created_at" />
      </Datagrid>
    </List>
  );
}

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  order: '订单', transfer: '转账', decision: '规则决策', policy: '保单', surrender: '退保', invoice: '发票', refund: '退款', ticket: '工单',
};

function Timeline() {
  const record = useRecordContext<OrderRow>();
  if (!record?.timeline) return null;
  return (
    <Stack spacing={1.5} data-testid="order-timeline">
      {record.timeline.map((entry, i) => (
        <Box key={i} sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1.5 }}>
          <Typography variant="body2" color="text.secondary">
            {formatDateTime(entry.at)} · {KIND_LABELS[entry.kind]}
            {entry.actor ? ` · ${entry.actor}` : ''}
          </Typography>
          <Typography variant="body1">
            {entry.resource && entry.record_id ? <Link to={`/${entry.resource}/${entry.record_id}${entry.resource === 'refunds' || entry.resource === 'payment-tickets' ? '' : '/show'}`}>{entry.title}</Link> : entry.title}
          </Typography>
          {entry.detail && <Typography variant="body2">{entry.detail}</Typography>}
          {entry.explanation && (
            <Typography component="pre" variant="caption" sx={{ whiteSpace: 'pre-wrap', m: 0, color: 'text.secondary' }}>
              {entry.explanation}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** The moves the server says the reader may make now, each where it is made. */
function OrderActions() {
  const record = useRecordContext<OrderRow>();
  if (!record) return null;
  const q = encodeURIComponent(JSON.stringify({ q: record.order_number }));
  return (
    <TopToolbar>
      {(allowed(record, 'acceptPayment') || allowed(record, 'rejectPayment')) && (
        <Button label="去审核支付" component={Link} to={`/transfers?filter=${q}`} />
      )}
      {(allowed(record, 'approveSurrender') || allowed(record, 'rejectSurrender')) && (
        <Button label="去审核退保" component={Link} to={`/surrenders?filter=${q}`} data-testid="order-review-surrender" />
      )}
    </TopToolbar>
  );
}

export function OrderShow() {
  return (
    <Show actions={<OrderActions />}>
      <SimpleShowLayout>
        <FunctionField source="status" render={(r: OrderDetail) => <StatusChip record={r} />} />
        <TextField source="order_number" />
        <TextField source="enterprise_name" />
        <TextField source="uscc" />
        <FunctionField source="project_name" render={(r: OrderDetail) => `${r.project_name}（${r.project_code}）· ${r.section_name}`} />
        <FunctionField label="项目类型" render={(r: OrderDetail) => projectTypeChoices.find((c) => c.id === r.project_type)?.name ?? ''} />
        <FunctionField source="product_name" render={(r: OrderDetail) => `${r.insurer_name} · ${r.product_name}`} />
        <MoneyField source="deposit_fen" />
        <MoneyField source="premium_fen" />
        <TextField source="policy_number" emptyText="—" />
        <InstantField source="created_at" />
        <Labeled label="订单时间线" fullWidth>
          <Timeline />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
