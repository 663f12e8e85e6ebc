import { PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';

const toChoices = (labels: Record<string, string>) => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const projectTypeChoices = toChoices(PROJECT_TYPE_LABELS);
export const projectStatusChoices = toChoices(PROJECT_STATUS_LABELS);
