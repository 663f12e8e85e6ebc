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
    ['user.create_platform_admin', '命令行创建平台管理员'],
    ['region.create', '新建区域'],
    ['region.update', '修改区域'],
    ['region.deactivate', '停用区域'],
    ['region.reactivate', '启用区域'],
    ['user.create', '新建用户'],
    ['user.update', '修改用户'],
    ['user.deactivate', '停用用户'],
    ['user.reactivate', '启用用户'],
    ['user.reset_password', '重置用户密码'],
    ['user.change_password', '修改密码'],
    ['enterprise.approve', '企业认证审核通过'],
    ['enterprise.reject', '驳回企业认证'],
    ['enterprise.resubmit', '投保企业重新提交认证'],
    ['enterprise.correct_basic_account', '修正企业基本户'],
    ['enterprise.register', '企业注册'],
    ['enterprise.join_request', '申请加入企业'],
    ['enterprise_join_request.approve', '同意加入企业'],
    ['enterprise_join_request.reject', '拒绝加入企业申请'],
    ['user.recover_password', '忘记密码（短信验证码）重设密码'],
    ['project.platform_create', '交易平台推送新建项目'],
    ['project.platform_status', '交易平台推送项目状态变更'],
    ['rule_set.freeze', 'rule_set.freeze'],
  ])('%s → %s', (action, label) => {
    expect(auditActionLabel(action)).toBe(label);
  });
});
