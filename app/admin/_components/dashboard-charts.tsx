import { Card, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import type { AxisValueFormatterContext } from '@mui/x-charts/models';
import type { ComplianceFigures } from '@/lib/dashboard/compliance-figures';
import type { OrderFigures } from '@/lib/dashboard/order-figures';
import { formatFen } from '@/lib/money/format-fen';
import { formatChineseDay, formatChineseMonthDay } from '@/lib/time/format-chinese-date';

function Chart({ title, testId, children }: { title: string; testId?: string; children: React.ReactNode }) {
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
}

function Empty({ children }: { children: string }) {
  return (
    <Typography color="text.secondary" sx={{ py: 4, textAlign: 'center' }} data-testid="chart-empty">
      {children}
    </Typography>
  );
}

const yuan = (fen: number) => fen / 100;
const yuanLabel = (value: number | null) => (value == null ? '' : formatFen(Math.round(value * 100)));
const yuanTick = (value: number) => `${value.toLocaleString('zh-CN')} 元`;

/** Counts are whole: an axis of orders or decisions never shows 0.5. */
const countAxis = { tickMinStep: 1, valueFormatter: (value: number) => (Number.isInteger(value) ? String(value) : '') };

/** A day on the axis as 11月4日; in the tooltip with its year. */
const dayLabel = (day: string, context: AxisValueFormatterContext) => (context.location === 'tick' ? formatChineseMonthDay(day) : formatChineseDay(day));
/** Thirty labels do not fit: every fifth day, counted back from today (the last bar). */
const everyFifthDay = (_: string, index: number) => (29 - index) % 5 === 0;

/** 工作台's charts of premiums and orders, as the read model gives them. */
export function DashboardCharts({ figures }: { figures: OrderFigures }) {
  const anyOrders = figures.dailyOrders.some((d) => d.orders > 0);
  return (
    <>
      <Grid size={{ xs: 12, md: 7 }}>
        <Chart title="本月已付保费 · 按保险公司" testId="dashboard-premiums-by-insurer">
          {figures.premiumsByInsurer.length ? (
            <BarChart skipAnimation hideLegend height={260} layout="horizontal" margin={{ right: 32 }}
              yAxis={[{ scaleType: 'band', data: figures.premiumsByInsurer.map((r) => r.label), width: 290, categoryGapRatio: 0.4 }]}
              xAxis={[{ valueFormatter: yuanTick }]}
              series={[{ data: figures.premiumsByInsurer.map((r) => yuan(r.premiumFen)), label: '已付保费', valueFormatter: yuanLabel }]} />
          ) : <Empty>本月暂无已付保费</Empty>}
        </Chart>
      </Grid>
      <Grid size={{ xs: 12, md: 5 }}>
        <Chart title="本月已付保费 · 按项目类型" testId="dashboard-premiums-by-type">
          {figures.premiumsByProjectType.length ? (
            <BarChart skipAnimation hideLegend height={260}
              xAxis={[{ scaleType: 'band', data: figures.premiumsByProjectType.map((r) => r.label), categoryGapRatio: 0.5 }]}
              yAxis={[{ valueFormatter: yuanTick, width: 80 }]}
              series={[{ data: figures.premiumsByProjectType.map((r) => yuan(r.premiumFen)), label: '已付保费', valueFormatter: yuanLabel }]} />
          ) : <Empty>本月暂无已付保费</Empty>}
        </Chart>
      </Grid>
      <Grid size={12} data-testid="dashboard-daily-orders">
        <Chart title="近 30 天每日订单数">
          {anyOrders ? (
            <BarChart skipAnimation hideLegend height={260}
              xAxis={[{ scaleType: 'band', data: figures.dailyOrders.map((d) => d.day), valueFormatter: dayLabel, tickLabelInterval: everyFifthDay }]}
              yAxis={[countAxis]}
              series={[{ data: figures.dailyOrders.map((d) => d.orders), label: '订单数', valueFormatter: (v) => (v == null ? '' : `${v} 笔`) }]} />
          ) : <Empty>近 30 天本区域暂无订单</Empty>}
        </Chart>
      </Grid>
    </>
  );
}

/** Compliance's charts: each rule set's outcomes, week by week. */
export function DecisionCharts({ decisions }: { decisions: ComplianceFigures['decisions'] }) {
  if (!decisions.length) {
    return (
      <Grid size={12} data-testid="dashboard-decisions-empty">
        <Chart title="规则决策结果 · 近 8 周">
          <Empty>近 8 周暂无规则决策</Empty>
        </Chart>
      </Grid>
    );
  }
  return (
    <>
      {decisions.map((set) => (
        <Grid key={set.ruleSetKey} size={{ xs: 12, md: 6 }} data-testid={`dashboard-decisions-${set.ruleSetKey}`}>
          <Chart title={`${set.label} · 近 8 周决策结果`}>
            <BarChart skipAnimation height={280}
              xAxis={[{ scaleType: 'band', data: set.weeks, valueFormatter: (week: string, context: AxisValueFormatterContext) => (context.location === 'tick' ? formatChineseMonthDay(week) : `${formatChineseDay(week)}起的一周`) }]}
              yAxis={[countAxis]}
              series={set.outcomes.map((o) => ({ data: o.counts, label: o.outcome, stack: 'total', valueFormatter: (v: number | null) => (v == null ? '' : `${v} 次`) }))} />
          </Chart>
        </Grid>
      ))}
    </>
  );
}
