import { VERSION_STATUS_LABELS } from '@/lib/versioning/version-status';
import { RULE_SET_CATALOGS, type RuleSetKey } from '@/rules/catalog/rule-set-catalogs';

export const ruleSetChoices = (Object.keys(RULE_SET_CATALOGS) as RuleSetKey[]).map((id) => ({ id, name: RULE_SET_CATALOGS[id].label }));

export const versionStatusChoices = Object.entries(VERSION_STATUS_LABELS).map(([id, name]) => ({ id, name }));

export const STATUS_COLORS = { draft: 'warning', in_review: 'info', scheduled: 'info', published: 'success', archived: 'default' } as const;
