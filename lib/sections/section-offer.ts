import type { OpenSection } from './list-open-sections';

/**
 * What 我的投标保函 offers on a section's row: the enterprise's live order for it when it has one (a second
 * application would be refused), otherwise 立即申请 once the enterprise may apply, or a look at the section.
 */
export type SectionOffer = { kind: 'viewOrder'; orderId: string } | { kind: 'apply' } | { kind: 'browse' };

export function sectionOffer(section: Pick<OpenSection, 'myOrderId'>, mayApply: boolean): SectionOffer {
  if (section.myOrderId) return { kind: 'viewOrder', orderId: section.myOrderId };
  return mayApply ? { kind: 'apply' } : { kind: 'browse' };
}
