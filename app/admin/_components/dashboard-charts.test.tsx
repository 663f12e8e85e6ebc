import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OrderFigures } from '@/lib/dashboard/order-figures';
import { DashboardCharts, DecisionCharts } from './dashboard-charts';

const days = (orders: (i: number) => number) =>
  Array.from({ length: 30 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, orders: orders(i) }));

const noOrders: OrderFigures = {
  today: { orders: 0, premiumFen: 0 },
  month: { orders: 0, premiumFen: 0 },
  premiumsByInsurer: [],
  premiumsByProjectType: [],
  dailyOrders: days(() => 0),
};

describe("工作台's charts", () => {
  it('say that a region has no orders or premiums instead of drawing an empty axis', () => {
    const html = renderToStaticMarkup(<DashboardCharts figures={noOrders} />);
    expect(html).toContain('近 30 天本区域暂无订单');
    expect(html.match(/本月暂无已付保费/g)).toHaveLength(2);
    expect(html).not.toContain('<svg');
  });

  it('draw the daily orders once there is one', () => {
    const html = renderToStaticMarkup(<DashboardCharts figures={{ ...noOrders, dailyOrders: days((i) => (i === 29 ? 1 : 0)) }} />);
    expect(html).not.toContain('近 30 天本区域暂无订单');
    expect(html).toContain('本月暂无已付保费');
  });

  it('say when no rule has decided anything for eight weeks', () => {
    expect(renderToStaticMarkup(<DecisionCharts decisions={[]} />)).toContain('近 8 周暂无规则决策');
  });
});
