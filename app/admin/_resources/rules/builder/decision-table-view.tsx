import { Alert, Box, Button, MenuItem, Select, Stack, Typography } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { OPERATORS_BY_FACT_TYPE, type AllowedOperator, type FactDefinition, type RuleSetCatalog } from '@/rules/catalog/catalog-types';
import { findOutcome } from '@/rules/catalog/rule-set-catalogs';
import type { BuilderDocument } from '@/rules/builder/builder-model';
import { setDecisionCell, toDecisionTable, type DecisionCell, type DecisionTableRow } from '@/rules/builder/decision-table';
import { GRID_FITS_WIDTH } from './grid-fits-width';
import { describeOperator } from '@/rules/describe-conditions';

export interface DecisionTableViewProps {
  catalog: RuleSetCatalog;
  model: BuilderDocument;
  onChange: (model: BuilderDocument) => void;
  onOpenTree: () => void;
  valuesOnly: boolean;
}

const ANY = '__any__';

/**
 * 决策表: one row per flat rule, one column per fact, cells edited in place with the same choices as the
 * tree. An empty cell (任意) means the rule does not look at that fact. Rules that are not flat are listed
 * with the reason and a way to the tree.
 */
export function DecisionTableView({ catalog, model, onChange, onOpenTree, valuesOnly }: DecisionTableViewProps) {
  const rows = toDecisionTable(model, catalog).map((row) => ({ ...row, id: row.ruleIndex }));
  const notFlat = rows.filter((r) => r.kind === 'not-flat').length;
  const setCell = (ruleIndex: number, fact: string, cell: DecisionCell | undefined) => onChange(setDecisionCell(model, ruleIndex, fact, cell, catalog));

  const columns: GridColDef<DecisionTableRow & { id: number }>[] = [
    { field: 'name', headerName: '规则', minWidth: 220, flex: 1, sortable: false, valueGetter: (_v, row) => (typeof row.name === 'string' ? row.name : `规则 ${row.ruleIndex + 1}`) },
    { field: 'priority', headerName: '优先级', width: 80, sortable: false },
    ...catalog.facts.map<GridColDef<DecisionTableRow & { id: number }>>((fact, factIndex) => ({
      field: `fact:${fact.name}`,
      headerName: fact.label,
      minWidth: fact.type === 'boolean' ? 130 : 220,
      flex: 1,
      sortable: false,
      colSpan: (_v, row) => (row.kind === 'not-flat' && factIndex === 0 ? catalog.facts.length + 1 : undefined),
      renderCell: ({ row }) => {
        if (row.kind === 'not-flat') {
          if (factIndex !== 0) return null;
          return (
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="body2" color="text.secondary">
                不适合表格显示（{row.reason}）
              </Typography>
              <Button size="small" onClick={onOpenTree}>
                在可视化中编辑
              </Button>
            </Stack>
          );
        }
        return <CellEditor fact={fact} cell={row.cells[fact.name]} valuesOnly={valuesOnly} onChange={(cell) => setCell(row.ruleIndex, fact.name, cell)} />;
      },
    })),
    {
      field: 'outcome',
      headerName: '结果',
      minWidth: 200,
      flex: 1,
      sortable: false,
      valueGetter: (_v, row) => {
        if (row.kind !== 'flat') return '';
        const outcome = typeof row.event?.type === 'string' ? findOutcome(catalog, row.event.type) : undefined;
        const params = (row.event?.params ?? {}) as Record<string, unknown>;
        const detail = outcome?.params.map((p) => p.values.find((v) => v.value === params[p.name])?.label).filter(Boolean).join('、');
        return `${outcome?.label ?? String(row.event?.type)}${detail ? `：${detail}` : ''}`;
      },
    },
  ];

  return (
    <Box data-testid="decision-table" sx={GRID_FITS_WIDTH}>
      {notFlat > 0 && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {notFlat} 条规则含嵌套的条件组，不适合表格显示；请在「可视化」中编辑。空白单元格（任意）表示该规则不判断此事实。
        </Alert>
      )}
      <DataGrid
        rows={rows}
        columns={columns}
        getRowHeight={() => 'auto'}
        hideFooter
        disableColumnMenu
        disableRowSelectionOnClick
        density="compact"
        sx={{ '& .MuiDataGrid-cell': { py: 1, alignItems: 'center', display: 'flex' } }}
        localeText={{ noRowsLabel: '没有规则' }}
      />
      <Typography variant="caption" color="text.secondary">
        结果列请在「可视化」中修改。
      </Typography>
    </Box>
  );
}

/** Operator and value of one fact in one rule; 任意 removes the condition. */
function CellEditor({ fact, cell, onChange, valuesOnly }: { fact: FactDefinition; cell: DecisionCell | undefined; onChange: (cell: DecisionCell | undefined) => void; valuesOnly: boolean }) {
  const operators = OPERATORS_BY_FACT_TYPE[fact.type] as readonly AllowedOperator[];
  const label = `${fact.label}`;
  if (fact.type === 'boolean') {
    const value = cell ? `${cell.operator}:${String(cell.value)}` : ANY;
    return (
      <Select
        size="small"
        value={value}
        inputProps={{ 'aria-label': label }}
        fullWidth
        onChange={(e) => {
          if (e.target.value === ANY) return onChange(undefined);
          const [operator, v] = String(e.target.value).split(':');
          onChange({ operator: operator!, value: v === 'true' });
        }}
      >
        <MenuItem value={ANY} disabled={valuesOnly}>
          任意
        </MenuItem>
        {['equal:true', 'equal:false', 'notEqual:true', 'notEqual:false'].map((option) => (
          <MenuItem key={option} value={option} disabled={valuesOnly && (!cell || !option.startsWith(`${cell.operator}:`))}>
            {{ 'equal:true': '是', 'equal:false': '否', 'notEqual:true': '不为 是', 'notEqual:false': '不为 否' }[option]}
          </MenuItem>
        ))}
      </Select>
    );
  }
  const multiple = cell?.operator === 'in' || cell?.operator === 'notIn';
  const values = Array.isArray(cell?.value) ? (cell.value as string[]) : cell ? [String(cell.value)] : [];
  return (
    <Stack direction="row" spacing={0.5} sx={{ width: '100%' }}>
      <Select
        size="small"
        value={cell?.operator ?? ANY}
        disabled={valuesOnly}
        inputProps={{ 'aria-label': `${label}的运算符` }}
        sx={{ minWidth: 80 }}
        onChange={(e) => {
          const operator = String(e.target.value);
          if (operator === ANY) return onChange(undefined);
          const first = values[0] ?? fact.values[0]!.value;
          onChange({ operator, value: operator === 'in' || operator === 'notIn' ? (values.length ? values : [first]) : first });
        }}
      >
        <MenuItem value={ANY}>任意</MenuItem>
        {operators.map((op) => (
          <MenuItem key={op} value={op}>
            {describeOperator(op)}
          </MenuItem>
        ))}
      </Select>
      {cell && (
        <Select
          size="small"
          multiple={multiple}
          value={multiple ? values : (values[0] ?? '')}
          inputProps={{ 'aria-label': `${label}的取值` }}
          sx={{ flex: 1, minWidth: 110 }}
          renderValue={(selected) => (Array.isArray(selected) ? selected : [selected]).map((v) => fact.values.find((o) => o.value === v)?.label ?? v).join('、')}
          onChange={(e) => {
            const next = e.target.value as string | string[];
            if (Array.isArray(next) && next.length === 0) return;
            onChange({ operator: cell.operator, value: next });
          }}
        >
          {fact.values.map((v) => (
            <MenuItem key={v.value} value={v.value}>
              {v.label}
            </MenuItem>
          ))}
        </Select>
      )}
    </Stack>
  );
}
