import { Chip, Stack } from '@mui/material';
import { Datagrid, FunctionField, List, ReferenceField, TextField } from 'react-admin';
import type { RuleSetRecord } from '@/lib/rules/rule-set-resource';

const versionsLink = (r: RuleSetRecord) => `/rule-versions?filter=${encodeURIComponent(JSON.stringify({ rule_set_key: r.id }))}`;

/** 规则集: what is published where, at a glance; a row opens the rule set's versions. */
export function RuleSetList() {
  return (
    <List pagination={false} exporter={false} sort={{ field: 'id', order: 'ASC' }}>
      <Datagrid rowClick={(_id, _resource, record) => versionsLink(record as RuleSetRecord)} bulkActionButtons={false}>
        <TextField source="label" sortable={false} />
        <FunctionField source="facts" sortable={false} render={(r: RuleSetRecord) => r.facts.map((f) => f.label).join('、')} />
        <FunctionField source="baseline_version" sortable={false} render={(r: RuleSetRecord) => (r.baseline_version ? `v${r.baseline_version}` : '—')} />
        <FunctionField
          source="regional_versions"
          sortable={false}
          render={(r: RuleSetRecord) =>
            r.regional_versions.length === 0 ? (
              '沿用基线'
            ) : (
              <Stack direction="row" spacing={1}>
                {r.regional_versions.map((v) => (
                  <Chip
                    key={v.version_id}
                    size="small"
                    label={
                      <>
                        <ReferenceField record={v} source="region_id" reference="regions" link={false} /> v{v.version}
                      </>
                    }
                  />
                ))}
              </Stack>
            )
          }
        />
        <TextField source="drafts" sortable={false} />
      </Datagrid>
    </List>
  );
}
