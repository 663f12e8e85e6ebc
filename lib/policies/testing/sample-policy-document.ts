import type { PolicyDocument } from '../policy-document';

/** For tests: a policy with every field filled, long values where the layout must wrap. */
export const samplePolicyDocument: PolicyDocument = {
  policyNumber: 'TBBX6501202611240001',
  verificationCode: 'K7PM3Q9D',
  verifyUrl: 'https://baohan.example.cn/verify/TBBX6501202611240001',
  issuedAt: new Date('2026-11-24T01:30:00Z'),
  periodStart: new Date('2026-11-24T01:30:00Z'),
  periodEnd: new Date('2027-03-24T01:30:00Z'),
  insured: '乌鲁木齐市城市建设投资（集团）有限公司',
  applicant: { name: '新疆天山建设工程有限公司', uscc: '91650100MA77XQ1234' },
  project: { name: '乌鲁木齐市天山区棚户区改造配套基础设施建设项目（二期）', code: 'WLMQ-JS-2026-0187' },
  sectionName: '第二标段（道路及管网工程）',
  guaranteeAmountFen: 80_000_000,
  premiumFen: 120_050,
  insurerName: '中国人民财产保险股份有限公司新疆维吾尔自治区分公司',
  productName: '投标保证保险（建设工程类）',
  orderNumber: 'DD202611240000123',
};
