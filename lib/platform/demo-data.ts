import type { ProjectStatus, ProjectType, Role } from '@/db/database';

/** Demo data: enough to explore every screen. Times are offsets from the moment of seeding. */
export const DEMO_PASSWORD = 'demo1234';

export const demoRegions = [
  { id: '650100', name: '乌鲁木齐市' },
  { id: '650200', name: '克拉玛依市' },
];

export const demoEnterprises = [
  {
    key: 'tianshan',
    name: '新疆天山建设工程有限公司',
    uscc: '91650100712345678G',
    region_id: '650100',
    legal_representative: '王建国',
    contact_name: '李明',
    contact_phone: '13900000001',
    email: 'bid@tianshan-jianshe.example.cn',
    basic_account_bank: '中国工商银行乌鲁木齐天山区支行',
    basic_account_name: '新疆天山建设工程有限公司',
    basic_account_number: '3002012309024567812',
  },
  {
    key: 'kunlun',
    name: '新疆昆仑路桥有限公司',
    uscc: '91650200MA7ABCDE1A',
    region_id: '650200',
    legal_representative: '赵志刚',
    contact_name: '陈静',
    contact_phone: '13900000004',
    email: 'tender@kunlun-luqiao.example.cn',
    basic_account_bank: '中国建设银行克拉玛依分行营业部',
    basic_account_name: '新疆昆仑路桥有限公司',
    basic_account_number: '65050164620100001234',
  },
  {
    // Registered and waiting for 企业认证审核 by 乌鲁木齐市's operators: it may browse sections, not apply yet.
    key: 'bogda',
    name: '新疆博格达建材有限公司',
    uscc: '91650100722894536Y',
    region_id: '650100',
    status: 'pending_review',
    legal_representative: '马建新',
    contact_name: '刘洋',
    contact_phone: '13900000008',
    email: 'info@bogda-jiancai.example.cn',
    basic_account_bank: '中国农业银行乌鲁木齐新市区支行',
    basic_account_name: '新疆博格达建材有限公司',
    basic_account_number: '30080101040012345',
  },
] as const;

export const demoUsers: {
  phone: string;
  name: string;
  role: Role;
  region?: string;
  enterprise?: (typeof demoEnterprises)[number]['key'];
  canEditRules?: boolean;
  canEditRuleValues?: boolean;
}[] = [
  { phone: '13900000001', name: '李明', role: 'bidder', enterprise: 'tianshan' },
  { phone: '13900000004', name: '陈静', role: 'bidder', enterprise: 'kunlun' },
  { phone: '13900000008', name: '刘洋', role: 'bidder', enterprise: 'bogda' },
  { phone: '13900000002', name: '张伟（乌鲁木齐市）', role: 'operator', region: '650100', canEditRules: true },
  { phone: '13900000005', name: '马丽（克拉玛依市）', role: 'operator', region: '650200' },
  { phone: '13900000007', name: '赵强（乌鲁木齐市）', role: 'operator', region: '650100', canEditRuleValues: true },
  // The second person of 乌鲁木齐市 who may edit rules: approves (审核通过) what 张伟 submits, and the other way round.
  { phone: '13900000009', name: '王芳（乌鲁木齐市）', role: 'operator', region: '650100', canEditRules: true },
  { phone: '13900000003', name: '周敏（合规）', role: 'compliance' },
  { phone: '13900000006', name: '平台管理员', role: 'platform_admin' },
];

export const demoInsurers = [
  {
    key: 'picc',
    region: '650100',
    name: '中国人民财产保险股份有限公司乌鲁木齐市分公司',
    receiving_account_name: '中国人民财产保险股份有限公司乌鲁木齐市分公司',
    receiving_account_bank: '中国农业银行乌鲁木齐新华南路支行',
    receiving_account_number: '30100001040012345',
    contact_phone: '0991-95518',
  },
  {
    key: 'pingan',
    region: '650100',
    name: '中国平安财产保险股份有限公司新疆分公司',
    receiving_account_name: '中国平安财产保险股份有限公司新疆分公司',
    receiving_account_bank: '平安银行乌鲁木齐分行营业部',
    receiving_account_number: '15000098765432',
    contact_phone: '0991-95511',
  },
  {
    key: 'cpic',
    region: '650100',
    name: '中国太平洋财产保险股份有限公司新疆分公司',
    receiving_account_name: '中国太平洋财产保险股份有限公司新疆分公司',
    receiving_account_bank: '交通银行新疆维吾尔自治区分行',
    receiving_account_number: '651060100018170012345',
    contact_phone: '0991-95500',
  },
  {
    key: 'cic',
    region: '650200',
    name: '中华联合财产保险股份有限公司克拉玛依中心支公司',
    receiving_account_name: '中华联合财产保险股份有限公司克拉玛依中心支公司',
    receiving_account_bank: '中国银行克拉玛依分行',
    receiving_account_number: '107212345678',
    contact_phone: '0990-95585',
  },
] as const;

const NOTICE = `投保须知
一、本产品为投标保证保险，保险人向招标人承担投标人在投标有效期内违反招标文件约定时的保证金赔偿责任。
二、投标人应如实填写投保信息，所填信息须与营业执照及基本存款账户信息一致。
三、建设工程类项目的保费须由投保企业基本户转账支付，并在转账用途中填写银行附言。
四、保单在开标前以加密形式提供下载，开标后可下载解密保单。`;

export const demoProducts: {
  insurer: (typeof demoInsurers)[number]['key'];
  name: string;
  rate_bp: number;
  min_premium_fen: number;
  project_types: ProjectType[];
}[] = [
  { insurer: 'picc', name: '投标保证保险（建设工程）', rate_bp: 15, min_premium_fen: 30000, project_types: ['construction'] },
  { insurer: 'picc', name: '投标保证保险（政府采购）', rate_bp: 12, min_premium_fen: 20000, project_types: ['procurement'] },
  { insurer: 'pingan', name: '平安投标保证保险', rate_bp: 18, min_premium_fen: 25000, project_types: ['construction', 'procurement'] },
  { insurer: 'cpic', name: '太平洋投标保证保险', rate_bp: 20, min_premium_fen: 50000, project_types: ['construction'] },
  { insurer: 'cic', name: '中华联合投标保证保险', rate_bp: 16, min_premium_fen: 30000, project_types: ['construction', 'procurement'] },
];

export const demoNotice = NOTICE;

const DAY = 24 * 60 * 60 * 1000;

export const demoProjects: {
  region: string;
  code: string;
  name: string;
  type: ProjectType;
  tenderer: string;
  status: ProjectStatus;
  depositDeadlineInDays: number;
  bidOpeningInDays: number;
  sections: { code: string; name: string; deposit_fen: number }[];
}[] = [
  {
    region: '650100', code: 'WLMQ-JS-2026-0158', name: '乌鲁木齐市第十二中学教学楼改扩建工程', type: 'construction',
    tenderer: '乌鲁木齐市第十二中学', status: 'normal', depositDeadlineInDays: 10, bidOpeningInDays: 11,
    sections: [
      { code: '01', name: '施工一标段', deposit_fen: 80_000_000 },
      { code: '02', name: '施工二标段', deposit_fen: 50_000_000 },
    ],
  },
  {
    region: '650100', code: 'WLMQ-CG-2026-0342', name: '乌鲁木齐市2026年市政道路养护服务采购项目', type: 'procurement',
    tenderer: '乌鲁木齐市城市管理局', status: 'normal', depositDeadlineInDays: 5, bidOpeningInDays: 6,
    sections: [
      { code: 'B1', name: '包1：天山区、沙依巴克区', deposit_fen: 5_000_000 },
      { code: 'B2', name: '包2：新市区、水磨沟区', deposit_fen: 4_500_000 },
    ],
  },
  {
    region: '650100', code: 'WLMQ-JS-2026-0177', name: '乌鲁木齐高新区污水管网提升改造工程', type: 'construction',
    tenderer: '乌鲁木齐高新技术产业开发区建设局', status: 'suspended', depositDeadlineInDays: 7, bidOpeningInDays: 8,
    sections: [{ code: '01', name: '施工标段', deposit_fen: 60_000_000 }],
  },
  {
    region: '650100', code: 'WLMQ-CG-2026-0290', name: '乌鲁木齐市政务服务中心办公设备采购项目', type: 'procurement',
    tenderer: '乌鲁木齐市政务服务和公共资源交易中心', status: 'failed', depositDeadlineInDays: -4, bidOpeningInDays: -3,
    sections: [{ code: 'B1', name: '包1：办公设备', deposit_fen: 2_000_000 }],
  },
  {
    region: '650100', code: 'WLMQ-JS-2026-0101', name: '米东区农村公路建设工程', type: 'construction',
    tenderer: '乌鲁木齐市米东区交通运输局', status: 'normal', depositDeadlineInDays: -20, bidOpeningInDays: -19,
    sections: [{ code: '01', name: '施工标段', deposit_fen: 30_000_000 }],
  },
  {
    region: '650200', code: 'KLMY-JS-2026-0045', name: '克拉玛依市独山子区供热管网改造工程', type: 'construction',
    tenderer: '克拉玛依市独山子区住房和城乡建设局', status: 'paused', depositDeadlineInDays: 15, bidOpeningInDays: 16,
    sections: [{ code: '01', name: '施工一标段', deposit_fen: 40_000_000 }],
  },
  {
    region: '650200', code: 'KLMY-CG-2026-0088', name: '克拉玛依市中心医院医疗设备采购项目', type: 'procurement',
    tenderer: '克拉玛依市中心医院', status: 'terminated', depositDeadlineInDays: 3, bidOpeningInDays: 4,
    sections: [{ code: 'B1', name: '包1：影像设备', deposit_fen: 10_000_000 }],
  },
  {
    region: '650200', code: 'KLMY-JS-2026-0052', name: '克拉玛依市白碱滩区道路照明工程', type: 'construction',
    tenderer: '克拉玛依市白碱滩区城市管理局', status: 'normal', depositDeadlineInDays: 12, bidOpeningInDays: 13,
    sections: [
      { code: '01', name: '施工一标段', deposit_fen: 15_000_000 },
      { code: '02', name: '施工二标段', deposit_fen: 12_000_000 },
    ],
  },
];

export const daysFrom = (start: Date, days: number) => new Date(start.getTime() + days * DAY);
