import { Alert, Box } from '@mui/material';
import { useEffect, useState } from 'react';
import { useRecordContext } from 'react-admin';
import type { DroppedFieldsReport } from '@/lib/forms/find-dropped-fields';
import type { FormVersionRecord } from '@/lib/forms/form-version-record';
import { callApi, callCommand } from '../../_components/call-api';
import { ReasonDialogButton } from '../versioning/reason-dialog-button';

/** Fields the version in force has and this draft drops: earlier orders holding them are named before the reason. */
function DroppedFields({ id }: { id: string }) {
  const [dropped, setDropped] = useState<DroppedFieldsReport | null>(null);
  useEffect(() => {
    let current = true;
    callApi<DroppedFieldsReport>(`/api/forms/versions/${id}/dropped-fields`).then((report) => current && setDropped(report), () => current && setDropped(null));
    return () => {
      current = false;
    };
  }, [id]);
  const heldFields = dropped?.fields.filter((f) => f.orders > 0) ?? [];
  const unusedFields = dropped?.fields.filter((f) => f.orders === 0) ?? [];
  return (
    <>
      {heldFields.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="form-publish-dropped">
          此版本删除或改名了当前生效表单（v{dropped!.comparedWith!.version}）中的字段，已有订单填写过这些数据：
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {heldFields.map((f) => (
              <li key={f.path}>{f.label}（{f.path}）：{f.orders} 笔订单</li>
            ))}
          </Box>
          这些订单仍按其提交时的表单版本显示和保留数据；新的申请不再填写这些字段。
        </Alert>
      )}
      {heldFields.length === 0 && unusedFields.length > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          此版本删除或改名了 {unusedFields.length} 个字段（{unusedFields.map((f) => f.label).join('、')}），尚无订单填写过它们。
        </Alert>
      )}
    </>
  );
}

/** Publishing changes what every new applicant of the form fills: a reason is required and confirmed. */
export function FormPublishButton() {
  const record = useRecordContext<FormVersionRecord>();
  if (!record) return null;
  return (
    <ReasonDialogButton label="发布" title={`发布表单 ${record.form_key} v${record.version}`} fieldLabel="发布原因（必填，将记入审计日志）"
      confirmLabel="确认发布" busyLabel="发布中…" withEffectiveAt
      explain="发布后，新的投保申请将填写此版本表单；已提交的订单仍保留其提交时的表单版本。此操作不可撤销，可通过发布新版本替换。"
      onConfirm={async (reason, effectiveAt) => {
        await callCommand('form-versions', record.id, 'publish', { reason, effective_at: effectiveAt });
        return '已发布：之后的投保申请将使用此表单';
      }}>
      <DroppedFields id={record.id} />
    </ReasonDialogButton>
  );
}
