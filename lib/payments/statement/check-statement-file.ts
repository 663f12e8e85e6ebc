import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { selectOrdersWithProject } from '@/lib/orders/order-join';
import { remarkCandidates } from '@/lib/payments/find-remark-code';
import { readStatement } from './parse-statement';
import type { StatementEncoding } from './statement-records';

/** Lines named in a refusal; the preview lists them all. */
const NAMED_LINES = 10;
/** Remark codes looked up per query: well under PostgreSQL's 65,535 parameters, and a short plan. */
const CODES_PER_QUERY = 1000;

export interface CheckedStatement {
  encoding: StatementEncoding;
  lines: number;
}

const namedLines = (lines: number[], total: number) =>
  `第 ${lines.join('、')}${total > lines.length ? ` 等 ${total} 行` : ''}`;

/**
 * Reads a whole statement before anything is recorded (the preview the operator saw is never trusted):
 * a file with any bad line is refused, naming its first lines, and so is an operator's file naming
 * another region's order. Streamed: what is kept is the count, the first bad lines and, for an
 * operator, the set of remark codes to look up.
 */
export async function checkStatementFile(
  db: Kysely<Database>,
  bytes: Uint8Array,
  at: Date,
  regionId: string | null,
): Promise<CheckedStatement> {
  const { encoding, lines } = readStatement(bytes, at);
  const bad: number[] = [];
  let badCount = 0;
  let count = 0;
  const codes = new Set<string>();
  for await (const line of lines) {
    count++;
    if (!line.transfer) {
      badCount++;
      if (bad.length < NAMED_LINES) bad.push(line.line);
    } else if (regionId !== null) {
      for (const code of remarkCandidates(line.transfer.remark)) codes.add(code);
    }
  }
  if (badCount) {
    throw new DomainError('VALIDATION_FAILED', `${namedLines(bad, badCount)} 行有错误，整个文件未导入。请修正后重新上传`);
  }
  if (regionId !== null) await refuseOtherRegionsOrders(db, bytes, at, regionId, codes);
  return { encoding, lines: count };
}

/**
 * An operator's statement is its own region's receiving account: a line whose remark names another
 * region's order would let one region insure (or cancel) another's order, so the file is refused and the
 * operator told which lines to take out and hand to that region. The codes are looked up in chunks; only
 * when one is foreign is the file read again to name the lines.
 */
async function refuseOtherRegionsOrders(db: Kysely<Database>, bytes: Uint8Array, at: Date, regionId: string, codes: Set<string>) {
  const all = [...codes];
  const foreignCodes = new Set<string>();
  for (let i = 0; i < all.length; i += CODES_PER_QUERY) {
    const rows = await selectOrdersWithProject(db)
      .select('orders.remark_code')
      .where('orders.remark_code', 'in', all.slice(i, i + CODES_PER_QUERY))
      .where('projects.region_id', '<>', regionId)
      .execute();
    for (const row of rows) foreignCodes.add(row.remark_code);
  }
  if (!foreignCodes.size) return;
  const foreign: number[] = [];
  let total = 0;
  for await (const line of readStatement(bytes, at).lines) {
    if (!remarkCandidates(line.transfer!.remark).some((code) => foreignCodes.has(code))) continue;
    total++;
    if (foreign.length < NAMED_LINES) foreign.push(line.line);
  }
  throw new DomainError('OTHER_REGION', `${namedLines(foreign, total)} 行的附言对应其他区域的订单，整个文件未导入。请删除这些行后重新上传，并交由该区域处理`);
}
