import type { RuleVersionStatus } from '@/db/database';
import { actionsFrom, defineLifecycle, refusalOf, TransitionRefused } from '@/lib/lifecycle/lifecycle';
import { VERSION_STATUS_LABELS } from './version-status';

/** What may be done with a version: its lifecycle's actions. */
export type DocumentVersionAction =
  | 'edit' | 'delete' | 'submit' | 'approve' | 'reject' | 'publish' | 'archive' | 'rollback' | 'copyToDraft'
  | 'schedule' | 'approveScheduled' | 'withdraw' | 'activate';

/** What a refusal says of `subject` (v3, 该版本) when `action` is not possible from `current`. */
function refusalText(action: DocumentVersionAction, current: RuleVersionStatus, subject: string): string | undefined {
  switch (action) {
    case 'edit':
      return `${subject}已发布或已归档，不能修改；请基于它新建草稿`;
    case 'submit':
      return current === 'in_review' ? `${subject}已提交审核，请等待审核` : `${subject}已不是草稿，不能提交审核`;
    case 'approve':
    case 'reject':
      return `${subject}不在待审核状态（可能已被他人审核或被修改退回草稿），不能${action === 'approve' ? '审核通过' : '驳回'}`;
    case 'delete':
      return '只能删除草稿；已发布和已归档的版本是历史记录，不能删除';
    case 'publish':
      return current === 'in_review'
        ? `${subject}正在审核中，需由他人审核通过后发布`
        : `${subject}已不是草稿，不能发布（已发布的版本不可修改，请新建草稿）`;
    case 'rollback':
      return current === 'draft' ? '草稿不能作为回滚目标，请直接发布该草稿' : `${subject}已是当前发布版本，无需回滚`;
    case 'withdraw':
      return `${subject}不是待生效的定时发布版本，不能撤回`;
    case 'schedule':
    case 'approveScheduled':
      return current === 'in_review' || current === 'draft' ? undefined : `${subject}已不是草稿或待审核版本，不能定时发布`;
    case 'archive':
      return `${subject}不是当前发布版本，不能归档`;
    default:
      return undefined;
  }
}

/**
 * A versioned document (a rule set's or a form's version): drafts are edited and deleted freely; publishing
 * one archives the version it replaces, so each series has exactly one published version. History is not
 * rewritten: a rollback leaves the archived version as it is and publishes a new draft copied from it.
 * The platform's shipped version 1 of a series is installed published.
 *
 * Four eyes (四眼原则): the author submits a draft for review (提交审核, 待审核) and another person with the
 * scope's permission approves it — which publishes it at once — or rejects it back to draft. Any edit of a
 * version in review takes it back to draft, so what was approved is what was submitted. Publishing a draft
 * directly is for scopes whose platform administrator switched the approval off (lib/versioning/approval-settings.ts).
 */
export const documentVersionLifecycle = defineLifecycle<RuleVersionStatus, DocumentVersionAction>({
  noun: '版本',
  states: VERSION_STATUS_LABELS,
  initial: ['draft', 'published'],
  actions: {
    /** An edit of a version in review takes it back to draft: the review starts again. */
    edit: { label: '修改', from: ['draft', 'in_review'], to: 'draft' },
    delete: { label: '删除', from: ['draft'] },
    submit: { label: '提交审核', from: ['draft'], to: 'in_review' },
    approve: { label: '审核通过', from: ['in_review'], to: 'published' },
    reject: { label: '驳回', from: ['in_review'], to: 'draft' },
    publish: { label: '发布', from: ['draft'], to: 'published' },
    /** Only as the other half of a publish in the same series; nobody archives a version on its own. */
    archive: { label: '归档', from: ['published'], to: 'archived' },
    rollback: { label: '回滚到此版本', from: ['archived'] },
    copyToDraft: { label: '基于此版本新建草稿', from: ['draft', 'in_review', 'scheduled', 'published', 'archived'] },
    /** 发布 with a 生效时间 in the future: the version waits (待生效) and decides from that moment on. */
    schedule: { label: '定时发布', from: ['draft'], to: 'scheduled' },
    /** 审核通过 with a 生效时间 in the future. */
    approveScheduled: { label: '审核通过（定时生效）', from: ['in_review'], to: 'scheduled' },
    /** 撤回: a scheduled version goes back to draft before it takes effect. */
    withdraw: { label: '撤回定时发布', from: ['scheduled'], to: 'draft' },
    /** Only under the series lock, once its time has come: the other half is archiving the version it replaces. */
    activate: { label: '生效', from: ['scheduled'], to: 'published' },
  },
  refusal: (action, current) => refusalText(action, current, '该版本'),
});

/** The refusal of `action` on a version a person named, saying which version (v3 已不是草稿…). */
export function versionRefusal(action: DocumentVersionAction, current: RuleVersionStatus, version: number): TransitionRefused {
  const message = refusalText(action, current, `v${version} `) ?? refusalOf(documentVersionLifecycle, action, current).message;
  return new TransitionRefused(message, action, current);
}

/** For a use case that checks a version it read before it locks anything (the save of a published version). */
export function assertVersionCan(action: DocumentVersionAction, version: { status: RuleVersionStatus; version: number }): void {
  if (!documentVersionLifecycle.actions[action].from.includes(version.status)) throw versionRefusal(action, version.status, version.version);
}

/** What the reader may do with a version, beside what its state allows. */
export interface VersionRights {
  /** Edit, delete and publish the drafts of this version's series. */
  write: boolean;
  /** Bring this version's document back (a full rule editor; forms have no rollback). */
  rollback: boolean;
  /** Start a new draft from this version. */
  copy: boolean;
  /** Approve or reject this version: the scope's permission, and not its author (lib/versioning/review-version.ts). */
  review: boolean;
  /** Publish a draft without a review: the scope does not require approval. */
  publishDirectly: boolean;
}

/**
 * The actions the back office offers on a version: the lifecycle's from its state, as far as the reader's
 * rights go. Archiving is never offered: it is the other half of a publish.
 */
export function allowedVersionActions(status: RuleVersionStatus, rights: VersionRights): DocumentVersionAction[] {
  const permitted: Record<DocumentVersionAction, boolean> = {
    edit: rights.write,
    delete: rights.write,
    submit: rights.write,
    approve: rights.review,
    reject: rights.review,
    publish: rights.write && rights.publishDirectly,
    archive: false,
    rollback: rights.rollback,
    copyToDraft: rights.copy,
    // Facets of 发布 and 审核通过 (their 生效时间), not buttons of their own; activation is the clock's.
    schedule: false,
    approveScheduled: false,
    activate: false,
    withdraw: rights.write,
  };
  return actionsFrom(documentVersionLifecycle, status).filter((action) => permitted[action]);
}
