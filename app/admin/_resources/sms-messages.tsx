import { Alert } from '@mui/material';
import { Datagrid, FunctionField, List, SearchInput, SelectInput, TextField } from 'react-admin';
import { MOBILE_CODE_PURPOSE_LABELS } from '@/lib/auth/mobile-codes/mobile-code-rules';
import type { SmsMessageRecord } from '@/lib/sms/sms-message-resource';
import { InstantField } from '../_components/fields';

const purposeChoices = Object.entries(MOBILE_CODE_PURPOSE_LABELS).map(([id, name]) => ({ id, name }));

/**
 * 短信记录 (platform administrators only): every text the platform sent, newest first. With no SMS service
 * configured nothing is sent, and the codes people wait for are read here.
 */
export function SmsMessageList() {
  return (
    <List
      filters={[
        <SearchInput key="q" source="q" placeholder="手机号" alwaysOn />,
        <SelectInput key="purpose" source="purpose" choices={purposeChoices} alwaysOn />,
      ]}
      sort={{ field: 'id', order: 'DESC' }}
      empty={false}
    >
      <Alert severity="info" sx={{ m: 1 }}>
        未配置短信服务（SMS_PROVIDER）时，短信不会真正发出，仅记录在此并写入服务器日志：可在此查看验证码并告知本人。
      </Alert>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Alert severity="info" sx={{ m: 2 }}>暂无短信记录。</Alert>}>
        <InstantField source="sent_at" />
        <TextField source="phone" sortable={false} />
        <FunctionField source="purpose" sortable={false} render={(r: SmsMessageRecord) => MOBILE_CODE_PURPOSE_LABELS[r.purpose as keyof typeof MOBILE_CODE_PURPOSE_LABELS] ?? r.purpose} />
        <TextField source="body" sortable={false} />
        <TextField source="provider" sortable={false} />
      </Datagrid>
    </List>
  );
}
