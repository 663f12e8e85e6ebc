import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue #17: a bidder's order is loaded through loadMyOrder (lib/orders/load-my-order.ts), and orders are
// joined to their section, project and enterprise through lib/orders/order-join.ts. Hand-written copies
// drift apart (one says 403 where the others say "not found", one forgets the lock), so this fails on any new one.
const root = path.resolve(import.meta.dirname, '../..');
const OWNERS = new Set(['lib/orders/load-my-order.ts', 'lib/orders/order-join.ts']);

/** Files that filter orders by the actor's enterprise on purpose, and why loadMyOrder does not fit. */
const ENTERPRISE_FILTER_ALLOWED: Record<string, string> = {
  'lib/orders/list-my-orders.ts': 'lists every order of the enterprise: there is no one order to gate',
  'lib/sections/list-open-sections.ts': 'marks the open sections the enterprise already holds an order for',
  'lib/enterprises/join-requests/enterprise-administrator.ts': 'a request to join the enterprise, not an order: only its own bidders may learn it exists',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !OWNERS.has(file));
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Each query chain that starts from orders and inner-joins its section and the section's project by hand. */
function handJoinedOrderChains(text: string): number[] {
  const sections = /\.innerJoin\(\s*'sections'\s*,\s*'sections\.id'\s*,\s*'orders\.section_id'\s*\)/;
  const projects = /\.innerJoin\(\s*'projects'\s*,\s*'projects\.id'\s*,\s*'sections\.project_id'\s*\)/;
  return [...text.matchAll(/\.selectFrom\(\s*'orders'\s*\)/g)].flatMap((match) => {
    const rest = text.slice(match.index + match[0].length);
    const end = rest.search(/;|\.selectFrom\(/);
    const chain = end === -1 ? rest : rest.slice(0, end);
    return sections.test(chain) && projects.test(chain) ? [lineOf(text, match.index)] : [];
  });
}

/** Each place that filters or compares an order's enterprise with the actor's by hand. */
function handWrittenEnterpriseChecks(text: string): number[] {
  const pattern =
    /\.where\(\s*'(?:orders\.)?enterprise_id'\s*,\s*'='\s*,\s*actor\.enterpriseId|\.enterprise_id\s*!==?\s*actor\.enterpriseId|actor\.enterpriseId\s*!==?\s*\w+\??\.enterprise_id/g;
  return [...text.matchAll(pattern)].map((match) => lineOf(text, match.index));
}

describe('orders are loaded and joined in one place each (issue #17)', () => {
  it('recognises the hand-written families', () => {
    const chain = [
      'const a = await trx',
      "  .selectFrom('orders')",
      "  .innerJoin('sections', 'sections.id', 'orders.section_id')",
      "  .innerJoin('projects', 'projects.id', 'sections.project_id')",
      "  .where('orders.enterprise_id', '=', actor.enterpriseId!)",
      '  .executeTakeFirst();',
      "const b = db.selectFrom('orders').innerJoin('products', 'products.id', 'orders.product_id');",
      "const c = db.selectFrom('policies').innerJoin('sections', 'sections.id', 'orders.section_id').innerJoin('projects', 'projects.id', 'sections.project_id');",
      "const d = db.selectFrom('orders').select('id').where('enterprise_id', '=', actor.enterpriseId);",
      "if (actor.enterpriseId !== row.enterprise_id) throw notFound;",
      "if (order?.enterprise_id !== actor.enterpriseId) throw notFound;",
      "const e = db.selectFrom('users').where('region_id', '=', actor.regionId);",
    ].join('\n');
    expect(handJoinedOrderChains(chain)).toEqual([2]);
    expect(handWrittenEnterpriseChecks(chain)).toEqual([5, 9, 10, 11]);
  });

  it('has no orders ⋈ sections ⋈ projects chain outside lib/orders/order-join.ts', () => {
    const found = [...sourceFiles('lib'), ...sourceFiles('app')].flatMap((file) =>
      handJoinedOrderChains(readFileSync(path.join(root, file), 'utf8')).map((line) => `${file}:${line}`),
    );
    expect(found.join('\n'), 'use selectOrdersWithProject / selectOrdersWithParties from lib/orders/order-join.ts').toBe('');
  });

  it("has no hand-written check of an order's enterprise outside loadMyOrder", () => {
    const found = [...sourceFiles('lib'), ...sourceFiles('app')].flatMap((file) =>
      ENTERPRISE_FILTER_ALLOWED[file] ? [] : handWrittenEnterpriseChecks(readFileSync(path.join(root, file), 'utf8')).map((line) => `${file}:${line}`),
    );
    expect(found.join('\n'), 'load the order with loadMyOrder from lib/orders/load-my-order.ts').toBe('');
  });

  it('lists only exceptions that still exist', () => {
    const stale = Object.keys(ENTERPRISE_FILTER_ALLOWED).filter((file) => handWrittenEnterpriseChecks(readFileSync(path.join(root, file), 'utf8')).length === 0);
    expect(stale.join('\n'), 'no longer filters by the enterprise by hand: remove it from ENTERPRISE_FILTER_ALLOWED').toBe('');
  });
});
