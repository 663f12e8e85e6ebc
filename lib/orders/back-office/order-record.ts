import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderStatus, ProjectType } from '@/db/database';
import { selectOrdersWithParties } from '@/lib/orders/order-join';

/** An order as the back office lists it: who applied, for which section, through which product. */
export interface OrderRecord {
  id: string;
  order_number: string;
  status: OrderStatus;
  enterprise_id: string;
  enterprise_name: string;
  uscc: string;
  project_code: string;
  project_name: string;
  project_type: ProjectType;
  section_name: string;
  product_id: string;
  product_name: string;
  insurer_id: string;
  insurer_name: string;
  deposit_fen: number;
  premium_fen: number;
  policy_number: string | null;
  created_at: Date;
  updated_at: Date;
  region_id: string;
}

/** Every order with its parties, section, product and policy: what the list, the detail and the export read. */
export function selectBackOfficeOrders(db: Kysely<Database> | Transaction<Database>) {
  return selectOrdersWithParties(db)
    .innerJoin('products', 'products.id', 'orders.product_id')
    .innerJoin('insurers', 'insurers.id', 'products.insurer_id')
    .leftJoin('policies', 'policies.order_id', 'orders.id')
    .select([
      'orders.id', 'orders.order_number', 'orders.status', 'orders.enterprise_id', 'enterprises.name as enterprise_name',
      'enterprises.uscc', 'projects.code as project_code', 'projects.name as project_name', 'projects.type as project_type',
      'sections.name as section_name', 'orders.product_id', 'products.name as product_name', 'products.insurer_id',
      'insurers.name as insurer_name', 'orders.deposit_fen', 'orders.premium_fen', 'policies.policy_number',
      'orders.created_at', 'orders.updated_at', 'projects.region_id',
    ]);
}
