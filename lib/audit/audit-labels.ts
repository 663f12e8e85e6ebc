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
  bank_statement: '银行流水',
  calendar_day: '工作日历',
};

const VERB_LABELS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  publish: '发布',
};

const WHOLE_ACTION_LABELS: Record<string, string> = {
  'order.update_application': '投标人修改投保信息',
  'bank_statement.import': '导入银行流水',
  'calendar_day.import_official': '导入法定节假日',
};

/** `insurer.create` → 新建保险公司; an action this table does not know is shown as it is. */
export function auditActionLabel(action: string): string {
  if (WHOLE_ACTION_LABELS[action]) return WHOLE_ACTION_LABELS[action];
  const [entity = '', verb = ''] = action.split('.');
  const entityLabel = AUDIT_ENTITY_LABELS[entity];
  const verbLabel = VERB_LABELS[verb];
  return entityLabel && verbLabel ? `${verbLabel}${entityLabel}` : action;
}
