import { Alert, Box } from '@mui/material';
import { Datagrid, FunctionField, List, SearchInput, Show, SimpleShowLayout, TextField } from 'react-admin';
import type { MailboxMessageRecord } from '@/lib/mail/mailbox-resource';
import { InstantField } from '../_components/fields';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);
const attachmentsText = (r: MailboxMessageRecord) =>
  r.attachments.length === 0 ? '—' : r.attachments.map((a) => `${a.fileName}（${sizeText(a.size)}）`).join('、');

/**
 * 邮件: the local mailbox. With no SMTP server configured (the embedded default) the platform's mails are
 * delivered here instead of being sent, so a demo shows what the applicants would have received.
 */
export function MailboxList() {
  return (
    <List filters={[<SearchInput key="q" source="q" placeholder="搜索收件人、主题" alwaysOn />]} sort={{ field: 'delivered_at', order: 'DESC' }} empty={false}>
      <Alert severity="info" sx={{ m: 2, mb: 0 }}>
        未配置邮件服务器（SMTP_URL）时，平台发出的邮件保存在此处，不会真正发送。
      </Alert>
      <Datagrid rowClick="show" bulkActionButtons={false} empty={<Box sx={{ p: 2 }}>邮箱中暂无邮件</Box>}>
        <TextField source="to_address" sortable={false} />
        <TextField source="subject" sortable={false} />
        <FunctionField source="attachments" sortable={false} render={attachmentsText} />
        <InstantField source="delivered_at" />
      </Datagrid>
    </List>
  );
}

export function MailboxShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="subject" />
        <TextField source="from_address" />
        <TextField source="to_address" />
        <InstantField source="delivered_at" />
        <FunctionField source="attachments" render={attachmentsText} />
        <FunctionField
          source="text_body"
          render={(r: MailboxMessageRecord) => (
            <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
              {r.text_body}
            </Box>
          )}
        />
      </SimpleShowLayout>
    </Show>
  );
}
