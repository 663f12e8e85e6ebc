import { formatFen } from '@/lib/money/format-fen';
import { PROJECT_TYPE_LABELS } from '@/lib/projects/project-labels';
import type { OpenSection } from '@/lib/sections/list-open-sections';
import { formatDateTime } from '@/lib/time/format';

export function SectionSummary({ section }: { section: Omit<OpenSection, 'myOrderId'> }) {
  return (
    <dl className="summary">
      <dt>项目</dt>
      <dd>
        {section.projectName}（{section.projectCode}）
      </dd>
      <dt>标段</dt>
      <dd>{section.sectionName}</dd>
      <dt>项目类型</dt>
      <dd>{PROJECT_TYPE_LABELS[section.projectType]}</dd>
      <dt>招标人</dt>
      <dd>{section.tenderer}</dd>
      <dt>保证金金额</dt>
      <dd>{formatFen(section.depositFen)}</dd>
      <dt>保证金截止时间</dt>
      <dd>{formatDateTime(section.depositDeadline)}</dd>
      <dt>开标时间</dt>
      <dd>{formatDateTime(section.bidOpeningAt)}</dd>
    </dl>
  );
}
