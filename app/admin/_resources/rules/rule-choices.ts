import { RULE_SET_CATALOGS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';

export const ruleSetChoices = (Object.keys(RULE_SET_CATALOGS) as RuleSetKey[]).map((id) => ({ id, name: RULE_SET_CATALOGS[id].label }));

export const versionStatusChoices = [
  { id: 'draft', name: '草稿' },
  { id: 'published', name: '已发布' },
  { id: 'archived', name: '已归档' },
];

export const STATUS_COLORS = { draft: 'warning', published: 'success', archived: 'default' } as const;
