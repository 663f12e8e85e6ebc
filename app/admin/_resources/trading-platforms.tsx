import { Box, Chip } from '@mui/material';
import {
  BooleanInput, Create, Datagrid, DateField, Edit, FunctionField, Labeled, List, ReferenceArrayField, ReferenceArrayInput,
  SearchInput, SelectArrayInput, SelectField, SelectInput, SimpleForm, SingleFieldList, TextField, TextInput, required,
} from 'react-admin';
import type { TradingPlatformRecord } from '@/lib/trading-platforms/trading-platform-resource';
import { SaveOnlyToolbar } from '../_components/save-only-toolbar';
import { ActiveChip } from './active-chip';
import { PlatformSecretInput } from './platform-secret-input';

const filters = [<SearchInput key="q" source="q" alwaysOn placeholder="搜索平台编码、名称" />];
const ALGORITHMS = [
  { id: 'sha256', name: 'HMAC-SHA256' },
  { id: 'sm3', name: 'HMAC-SM3' },
];

/** 交易平台: the trading platforms that push projects, hand bidders over and receive callbacks. */
export function TradingPlatformList() {
  return (
    <List filters={filters} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>尚未登记交易平台</Box>}>
        <TextField source="code" />
        <TextField source="name" />
        <ReferenceArrayField source="region_ids" reference="regions" sortable={false}>
          <SingleFieldList linkType={false}>
            <FunctionField render={(r: { id: string; name: string }) => <Chip size="small" label={`${r.name}（${r.id}）`} />} />
          </SingleFieldList>
        </ReferenceArrayField>
        <SelectField source="algorithm" choices={ALGORITHMS} sortable={false} />
        <TextField source="callback_base_url" emptyText="—" sortable={false} />
        <FunctionField source="enabled" render={(r: TradingPlatformRecord) => <ActiveChip active={r.enabled} />} />
        <DateField source="updated_at" showTime />
      </Datagrid>
    </List>
  );
}

function RegionsInput() {
  return (
    <ReferenceArrayInput source="region_ids" reference="regions" filter={{ active: true }} sort={{ field: 'id', order: 'ASC' }} perPage={200}>
      {/* Labelled as the platform's field: left to itself the input is named after the reference ("Region"). */}
      <SelectArrayInput
        label="resources.trading-platforms.fields.region_ids"
        optionText={(r: { id: string; name: string }) => `${r.name}（${r.id}）`}
        validate={required()}
        sx={{ minWidth: 280 }}
      />
    </ReferenceArrayInput>
  );
}

function CommonInputs() {
  return (
    <>
      <TextInput source="name" validate={required()} />
      <RegionsInput />
      <SelectInput source="algorithm" choices={ALGORITHMS} defaultValue="sha256" validate={required()} />
      <TextInput source="callback_base_url" fullWidth helperText="推送地址为「回调地址/guarantee-events」；不填则不推送" />
      <TextInput source="return_url" fullWidth helperText="投标人放弃购买保函后，【返回交易平台】打开此地址" />
      <BooleanInput source="enabled" defaultValue />
    </>
  );
}

export function TradingPlatformCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="code" validate={required()} helperText="交易平台请求头 X-Platform-Code 中的编码；创建后不能修改" />
        <PlatformSecretInput required helperText="至少 32 个字符；保存后不再显示，只能更换" />
        <CommonInputs />
      </SimpleForm>
    </Create>
  );
}

export function TradingPlatformEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <Labeled>
          <TextField source="code" />
        </Labeled>
        <CommonInputs />
        <PlatformSecretInput helperText="共享密钥已保存且不再显示；留空则保持不变，填写则更换（须填写原因）" />
        <TextInput source="reason" fullWidth helperText="更换共享密钥时必填" />
      </SimpleForm>
    </Edit>
  );
}
