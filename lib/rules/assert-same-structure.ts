import { DomainError } from '@/lib/errors/domain-error';
import { documentStructure } from '@/rules/builder/document-structure';

/**
 * The server's half of value-only editing: the browser hides the structural controls, but only this
 * comparison decides, so a hand-made request cannot add a rule or a condition either.
 */
export function assertSameStructure(before: unknown, after: unknown): void {
  if (documentStructure(before) === documentStructure(after)) return;
  throw new DomainError(
    'RULE_STRUCTURE_FORBIDDEN',
    '您只有修改规则取值的权限：可以修改条件中的取值和结果参数，不能增删规则或条件、更换事实、运算符、结果类型、规则名称或优先级；未保存',
  );
}
