/** Chinese names for the audit chain's machine-readable actions, for the people who read the log. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  insurer: '保险公司',
  product: '保险产品',
  project: '项目',
  section: '标段',
  rule_version: '规则版本',
  rule_test_case: '规则测试用例',
  form_version: '表单版本',
  order: '订单',
  refund: '退款',
  surrender: '退保申请',
  invoice: '发票',
  bank_transfer: '银行转账',
  payment_ticket: '支付问题',
  bank_statement: '银行流水',
  calendar_day: '工作日历',
  audit_chain: '审计链',
  policy_document_job: '保单生成',
  bank_notification: '银行通知',
  region: '区域',
  user: '用户',
  enterprise: '投保企业',
  enterprise_join_request: '加入企业申请',
  outbox_message: '推送记录',
  trading_platform: '交易平台',
  version_approval_setting: '变更审核设置',
};

const VERB_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  publish: '发布',
  request: '申请',
  issue: '开具',
};

const WHOLE_ACTION_LABELS: Record<string, string> = {
  'order.update_application': '投标人修改投保信息',
  'surrender.apply': '投标人申请退保',
  'surrender.refund_account': '投标人完善退保账户信息',
  'surrender.approve': '退保审核通过',
  'surrender.reject': '驳回退保申请',
  'invoice.void': '作废发票（红冲）',
  'bank_transfer.match': '手工匹配银行转账',
  'bank_transfer.return': '退回银行转账',
  'bank_transfer.approve': '人工审核通过转账',
  'bank_transfer.reject': '人工审核驳回转账',
  'payment_ticket.open': '投标人提交支付问题',
  'payment_ticket.update': '答复支付问题',
  'bank_statement.import': '导入银行流水',
  'calendar_day.import_official': '导入法定节假日',
  'audit_chain.reanchor': '重新锚定审计链',
  'user.create_platform_admin': '命令行创建平台管理员',
  'region.deactivate': '停用区域',
  'region.reactivate': '启用区域',
  'user.deactivate': '停用用户',
  'user.reactivate': '启用用户',
  'user.reset_password': '重置用户密码',
  'user.change_password': '修改密码',
  'enterprise.approve': '企业认证审核通过',
  'enterprise.reject': '驳回企业认证',
  'enterprise.resubmit': '投保企业重新提交认证',
  'enterprise.correct_basic_account': '修正企业基本户',
  'enterprise.register': '企业注册',
  'enterprise.join_request': '申请加入企业',
  'enterprise_join_request.approve': '同意加入企业',
  'enterprise_join_request.reject': '拒绝加入企业申请',
  'user.recover_password': '忘记密码（短信验证码）重设密码',
  'outbox_message.retry_now': '立即重试推送',
  'enterprise.platform_create': '交易平台登录创建企业',
  'enterprise.complete_profile': '投保企业完善基本户信息',
  'rule_version.submit': '提交规则版本审核',
  'rule_version.approve': '审核通过并发布规则版本',
  'rule_version.reject': '驳回规则版本',
  'form_version.submit': '提交表单版本审核',
  'form_version.approve': '审核通过并发布表单版本',
  'form_version.reject': '驳回表单版本',
  'audit_chain.checkpoint': '生成审计链检查点',
  'rule_version.withdraw': '撤回规则版本的定时发布',
  'form_version.withdraw': '撤回表单版本的定时发布',
  'project.platform_create': '交易平台推送新建项目',
  'project.platform_update': '交易平台推送项目修订',
  'project.platform_status': '交易平台推送项目状态变更',
  'project.platform_bid_opening': '交易平台推送开标时间变更',
};

/** `insurer.create` → 新建保险公司; an action this table does not know is shown as it is. */
export function auditActionLabel(action: string): string {
  if (WHOLE_ACTION_LABELS[action]) return WHOLE_ACTION_LABELS[action];
  const [entity = '', verb = ''] = action.split('.');
  const entityLabel = AUDIT_ENTITY_LABELS[entity];
  const verbLabel = VERB_LABELS[verb];
  return entityLabel && verbLabel ? `${verbLabel}${entityLabel}` : action;
}

/** Every action the labels above name, as the audit log's 操作 filter offers them (label order). */
export const AUDIT_ACTION_CHOICES: { id: string; name: string }[] = [
  ...new Set([
    ...Object.keys(WHOLE_ACTION_LABELS),
    ...Object.keys(AUDIT_ENTITY_LABELS).flatMap((entity) => Object.keys(VERB_LABELS).map((verb) => `${entity}.${verb}`)),
  ]),
].map((id) => ({ id, name: auditActionLabel(id) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
