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

