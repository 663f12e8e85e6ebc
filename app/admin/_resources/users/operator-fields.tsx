import { ReferenceInput, SelectInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { RegionRecord } from '@/lib/regions/region-resource';
import { rulePermissionChoices } from './user-choices';

/**
 * Only an operator belongs to a region and may hold a rule permission; compliance and platform
 * administrators work across regions, so for them neither is asked. Regions are offered while in use.
 */
export function OperatorFields({ role }: { role?: string }) {
  const watched = useWatch({ name: 'role' }) as string | undefined;
  if ((role ?? watched) !== 'operator') return null;
  return (
    <>
      <ReferenceInput source="region_id" reference="regions" filter={{ active: true }} sort={{ field: 'id', order: 'ASC' }} perPage={200}>
        <SelectInput optionText={(r: RegionRecord) => `${r.name}（${r.id}）`} validate={required('区域管理员必须选择所属区域')} sx={{ minWidth: 280 }} />
      </ReferenceInput>
      <SelectInput
        source="rule_permission"
        choices={rulePermissionChoices}
        validate={required()}
        helperText="规则编辑：可修改本区域规则的结构和取值；仅改规则取值：只能修改条件取值和结果参数"
        sx={{ minWidth: 280 }}
      />
    </>
  );
}
