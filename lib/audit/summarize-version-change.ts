import { listDataPaths } from '@/forms/list-data-paths';
import { isPlainObject as isRecord } from '@/rules/json-shape';

const quoted = (names: string[]) => names.map((n) => `「${n}」`).join('、');

function ruleChanges(before: unknown, after: unknown): string[] {
  const byName = (doc: unknown) => new Map((Array.isArray(doc) ? doc : []).filter(isRecord).map((r, i) => [typeof r.name === 'string' ? r.name : `第 ${i + 1} 条规则`, JSON.stringify(r)]));
  const older = byName(before);
  const newer = byName(after);
  const added = [...newer.keys()].filter((n) => !older.has(n));
  const removed = [...older.keys()].filter((n) => !newer.has(n));
  const changed = [...newer.keys()].filter((n) => older.has(n) && older.get(n) !== newer.get(n));
  return [
    added.length ? `新增规则${quoted(added)}` : '',
    removed.length ? `删除规则${quoted(removed)}` : '',
    changed.length ? `修改规则${quoted(changed)}` : '',
  ].filter(Boolean);
}

function formChanges(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const labels = (schema: unknown) => new Map(listDataPaths(schema).map((p) => [p.path, p.label]));
  const older = labels(before.schema);
  const newer = labels(after.schema);
  const added = [...newer.keys()].filter((p) => !older.has(p)).map((p) => newer.get(p)!);
  const removed = [...older.keys()].filter((p) => !newer.has(p)).map((p) => older.get(p)!);
  const lines = [added.length ? `新增字段${quoted(added)}` : '', removed.length ? `删除字段${quoted(removed)}` : ''].filter(Boolean);
  const sameShape = JSON.stringify(before.schema) === JSON.stringify(after.schema) && JSON.stringify(before.ui_schema) === JSON.stringify(after.ui_schema);
  if (!lines.length && !sameShape) lines.push('修改了字段的标题、校验或显示方式');
  return lines;
}

/**
 * What a published rule or form version changed against the one it replaced, in words a compliance
 * officer reads without opening the JSON: rules by their names, form fields by their titles (and a
 * change of the approval setting as its two values). The audit
 * row of a publication carries both documents (`before` is the previous version, absent for the first).
 */
export function summarizeVersionChange(action: string, entityType: string, before: unknown, after: unknown, regionId: string | null = null): string | null {
  if (!isRecord(after)) return null;
  if (entityType === 'version_approval_setting' && typeof after.approval_required === 'boolean') {
    const word = (v: unknown) => (v === true ? '需要审核' : v === false ? '无需审核' : '未设置（默认需要审核）');
    return `${word(isRecord(before) ? before.approval_required : undefined)} → ${word(after.approval_required)}`;
  }
  // A draft's creation and edits are not changes of what decides; its publication is.
  if (!/\.(publish|approve)$/.test(action)) return null;
  const isRule = entityType === 'rule_version' && 'document' in after;
  const isForm = entityType === 'form_version' && 'schema' in after;
  if (!isRule && !isForm) return null;
  if (!isRecord(before)) {
    const first = `首个版本（v${String(after.version ?? '')}）`;
    return regionId === null ? first : `本区域${first}，此前使用平台基线`;
  }
  const lines = isRule ? ruleChanges(before.document, after.document) : formChanges(before, after);
  const against = `相对 v${String(before.version ?? '')}：`;
  return lines.length ? against + lines.join('；') : `${against}内容无变化`;
}
