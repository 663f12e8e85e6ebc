import { describe, expect, it } from 'vitest';
import { auditActionLabel } from './audit-labels';

describe('audit action labels', () => {
  it.each([
    ['insurer.create', '新建保险公司'],
    ['project.update', '修改项目'],
    ['section.delete', '删除标段'],
    ['rule_version.publish', '发布规则版本'],
    ['invoice.issue', '开具发票'],
    ['invoice.void', '作废发票（红冲）'],
    ['enterprise.register', '企业注册'],
    ['enterprise.join_request', '申请加入企业'],
    ['enterprise_join_request.approve', '同意加入企业'],
    ['enterprise_join_request.reject', '拒绝加入企业申请'],
    ['user.recover_password', '忘记密码（短信验证码）重设密码'],
    ['rule_set.freeze', 'rule_set.freeze'],
  ])('%s → %s', (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });
});
