/** What a rule version and a form version both carry for review and scheduled activation (四眼原则, 生效时间). */
export interface ReviewedVersionFields {
  submitted_at: Date | null;
  submitted_by_name: string | null;
  submit_reason: string | null;
  /** 生效时间: from when the version decides (a scheduled one: from when it will). */
  effective_from: Date | null;
  /** Whether this version's scope needs a second person's approval (lib/versioning/approval-settings.ts). */
  approval_required: boolean;
  /** Who wrote it (creator, last editor, submitter), by account and phone: they may not review it. */
  author_ids: string[];
  author_phones: string[];
}
