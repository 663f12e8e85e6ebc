import { useRecordContext } from 'react-admin';
import { callCommand } from '../../_components/call-api';
import { ReasonDialogButton } from './reason-dialog-button';

type Step = 'submit' | 'approve' | 'reject' | 'withdraw';

const TEXT: Record<Step, { button: string; title: string; explain: string; field: string; key: 'reason' | 'comment'; confirm: string; done: string }> = {
  submit: {
    button: '提交审核',
    title: '提交审核',
    explain: '提交后须由另一位有权限的人员审核通过才会发布；提交后再修改会退回草稿。',
    field: '变更原因（必填，将记入审计日志）',
    key: 'reason',
    confirm: '确认提交',
    done: '已提交审核，等待他人审核',
  },
  approve: {
    button: '审核通过',
    title: '审核通过并发布',
    explain: '审核通过后此版本发布（未填生效时间则立即生效），替换当前发布的版本；测试用例须全部通过。',
    field: '审核意见（必填，将记入审计日志）',
    key: 'comment',
    confirm: '确认通过并发布',
    done: '已审核通过并发布',
  },
  withdraw: {
    button: '撤回定时发布',
    title: '撤回定时发布',
    explain: '撤回后此版本退回草稿，到原定生效时间也不会生效；已生效的版本不能撤回。',
    field: '撤回原因（必填，将记入审计日志）',
    key: 'reason',
    confirm: '确认撤回',
    done: '已撤回，版本退回草稿',
  },
  reject: {
    button: '驳回',
    title: '驳回',
    explain: '驳回后此版本退回草稿，由作者修改后重新提交。',
    field: '驳回意见（必填，将记入审计日志）',
    key: 'comment',
    confirm: '确认驳回',
    done: '已驳回，版本退回草稿',
  },
};

/**
 * 提交审核 / 审核通过 / 驳回 / 撤回定时发布 of a rule or form version (四眼原则): the version's command of that
 * name, offered where its allowed_actions say, behind a confirmation that asks for the reason or comment.
 */
export function ReviewDialogButton({ resource, step }: { resource: 'rule-versions' | 'form-versions'; step: Step }) {
  const record = useRecordContext<{ id: string; version: number }>();
  if (!record) return null;
  const t = TEXT[step];
  return (
    <ReasonDialogButton label={t.button} title={`${t.title} v${record.version}`} explain={t.explain} fieldLabel={t.field} confirmLabel={t.confirm}
      withEffectiveAt={step === 'approve'}
      onConfirm={async (text, effectiveAt) => {
        await callCommand(resource, record.id, step, step === 'approve' ? { comment: text, effective_at: effectiveAt } : { [t.key]: text });
        return t.done;
      }} />
  );
}
