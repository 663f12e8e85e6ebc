/**
 * The demo enterprise whose bidder has orders in every state, seeded after the base demo data
 * (seedDemoOrders) so that the other demo enterprises and accounts keep no orders.
 */
export const DEMO_ORDERS_BIDDER_PHONE = '13900000010';

export const demoOrdersEnterprise = {
  name: '新疆雪莲建筑安装工程有限公司',
  uscc: '91650100MA78TQ5K3Q',
  region_id: '650100',
  legal_representative: '阿不都·热合曼',
  contact_name: '孙晓燕',
  contact_phone: DEMO_ORDERS_BIDDER_PHONE,
  email: 'bid@xuelian-jianan.example.cn',
  basic_account_bank: '中国银行乌鲁木齐新华北路支行',
  basic_account_name: '新疆雪莲建筑安装工程有限公司',
  basic_account_number: '107612345678',
} as const;

export const demoOrdersBidderName = '孙晓燕';


/**
 * A demo region of its own for the two states the other demo data cannot reach honestly: 支付审核中 needs
 * payment-source rules that send a transfer to an operator, which the platform baseline (and so every other
 * demo region, which the other tests rely on) never does; an issued invoice needs a bid opening that has
 * passed. Nothing here is open for application now, so the bidders' lists of open sections are unchanged.
 */
export const demoReviewRegion = { id: '652300', name: '昌吉回族自治州', parent_id: null };

/** The 昌吉回族自治州 operator (may edit the region's rules); 孙晓燕's transfer waits in its payment-review queue. */
export const DEMO_REVIEW_OPERATOR_PHONE = '13900000011';
export const demoReviewOperatorName = '何静（昌吉回族自治州）';

export const demoReviewInsurer = {
  name: '中国人寿财产保险股份有限公司昌吉中心支公司',
  receiving_account_name: '中国人寿财产保险股份有限公司昌吉中心支公司',
  receiving_account_bank: '中国工商银行昌吉分行营业部',
  receiving_account_number: '3002012309024567891',
  contact_phone: '0994-95519',
};

export const demoReviewProduct = {
  name: '国寿财投标保证保险',
  rate_bp: 15,
  min_premium_fen: 30000,
  project_types: ['construction', 'procurement'] as ('construction' | 'procurement')[],
};

/** Offsets in days from the moment of seeding: applied for, paid and opened in the past. */
export const demoReviewProjects = {
  /** Opened 19 days ago: 孙晓燕's order, insured 25 days ago, has its premium invoiced. */
  invoiced: {
    code: 'CJ-JS-2026-0027', name: '昌吉市北京南路人行天桥建设工程', type: 'construction' as const,
    tenderer: '昌吉市住房和城乡建设局', depositDeadlineInDays: -20, bidOpeningInDays: -19,
    section: { code: '01', name: '施工标段', deposit_fen: 20_000_000 },
  },
  /** Deposit deadline passed yesterday, opening in two days: the transfer arrived before the deadline and waits for review. */
  inReview: {
    code: 'CJ-CG-2026-0061', name: '昌吉市2026年城区绿化养护服务采购项目', type: 'procurement' as const,
    tenderer: '昌吉市园林绿化管理中心', depositDeadlineInDays: -1, bidOpeningInDays: 2,
    section: { code: 'B1', name: '包1：城区主干道绿化', deposit_fen: 3_000_000 },
  },
};

/** 孙晓燕 paid the procurement premium from her own card: the region's rules send that to an operator. */
export const demoPersonalPayer = { payerName: '孙晓燕', payerAccount: '6217000010012345678', payerKind: 'personal' as const };

/** The region's own case, replacing the platform's of the same name (which expects acceptance). */
export const DEMO_REVIEW_TEST_CASE = '政府采购：个人网银付款，通过';

export const demoReviewRule = {
  name: '政府采购项目由个人账户转账的，转人工审核',
  priority: 5,
  conditions: {
    all: [
      { fact: 'projectType', operator: 'equal', value: 'procurement' },
      { fact: 'payerKind', operator: 'equal', value: 'personal' },
    ],
  },
  event: { type: 'review' },
};
