/**
 * Everything printed on a policy, already resolved: the renderer reads no database and no clock, so the
 * same policy renders to the same bytes whenever it is downloaded again.
 */
export type PolicyDocument = {
  policyNumber: string;
  verificationCode: string;
  /** Full URL of the public verification page for this policy, policy number included; the QR code carries it. */
  verifyUrl: string;
  issuedAt: Date;
  periodStart: Date;
  periodEnd: Date;
  /** 被保险人: the tenderer (招标人), who may claim the deposit. */
  insured: string;
  /** 投保人: the bidding enterprise that bought the guarantee. */
  applicant: { name: string; uscc: string };
  project: { name: string; code: string };
  sectionName: string;
  /** 保险金额 = the section's bid deposit (投标保证金) this policy replaces. */
  guaranteeAmountFen: number;
  premiumFen: number;
  insurerName: string;
  productName: string;
  orderNumber: string;
};
