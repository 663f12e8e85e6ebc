import { Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import type { ComplianceFigures } from '@/lib/dashboard/compliance-figures';
import type { OrderFigures } from '@/lib/dashboard/order-figures';
import { formatFen } from '@/lib/money/format-fen';

function Chart({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

const yuan = (fen: number) => fen / 100;
const yuanLabel = (value: number | null) => (value == null ? '' : formatFen(Math.round(value * 100)));

/** 工作台's charts of premiums and orders, as the read model gives them. */
export function DashboardCharts({ figures }: { figures: OrderFigures }) {
  return (
    <>
        <Grid size={{ xs: 12, md: 6 }}>
          <Chart title="本月已付保费 · 按保险公司">
            {figures.premiumsByInsurer.length ? (
              <BarChart skipAnimation height={260} layout="horizontal" yAxis={[{ scaleType: 'band', data: figures.premiumsByInsurer.map((r) => r.label), width: 180 }]}
                series={[{ data: figures.premiumsByInsurer.map((r) => yuan(r.premiumFen)), label: '保费（元）', valueFormatter: yuanLabel }]} />
            ) : <Typography color="text.secondary">本月暂无已付保费</Typography>}
          </Chart>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Chart title="本月已付保费 · 按项目类型">
            {figures.premiumsByProjectType.length ? (
              <BarChart skipAnimation height={260} xAxis={[{ scaleType: 'band', data: figures.premiumsByProjectType.map((r) => r.label) }]}
                series={[{ data: figures.premiumsByProjectType.map((r) => yuan(r.premiumFen)), label: '保费（元）', valueFormatter: yuanLabel }]} />
            ) : <Typography color="text.secondary">本月暂无已付保费</Typography>}
          </Chart>
        </Grid>
        <Grid size={12} data-testid="dashboard-daily-orders">
          <Chart title="近 30 天每日订单数">
            <LineChart skipAnimation height={260} xAxis={[{ scaleType: 'point', data: figures.dailyOrders.map((d) => d.day.slice(5)) }]}
              series={[{ data: figures.dailyOrders.map((d) => d.orders), label: '订单数' }]} />
          </Chart>
        </Grid>
    </>
  );
}

/** Compliance's charts: each rule set's outcomes, week by week. */
export function DecisionCharts({ decisions }: { decisions: ComplianceFigures['decisions'] }) {
  return (
    <>
        {decisions.map((set) => (
          <Grid key={set.ruleSetKey} size={{ xs: 12, md: 6 }} data-testid={`dashboard-decisions-${set.ruleSetKey}`}>
            <Chart title={`${set.label} · 近 8 周决策结果`}>
              <BarChart skipAnimation height={260} xAxis={[{ scaleType: 'band', data: set.weeks }]}
                series={set.outcomes.map((o) => ({ data: o.counts, label: o.outcome, stack: 'total' }))} />
            </Chart>
          </Grid>
        ))}
    </>
  );
}
