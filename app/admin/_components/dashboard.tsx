import { Alert, Box, Card, CardActionArea, CardContent, CardHeader, Grid, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useEffect, useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import type { BackOfficeDashboard } from '@/lib/dashboard/back-office-dashboard';
import { formatFen } from '@/lib/money/format-fen';
import { callApi } from './call-api';

function Figure({ label, orders, premiumFen, testId }: { label: string; orders: number; premiumFen: number; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardContent>
        <Typography variant="overline">{label}</Typography>
        <Typography variant="h5">{orders} 笔订单</Typography>
        <Typography color="text.secondary">已付保费 {formatFen(premiumFen)}</Typography>
      </CardContent>
    </Card>
  );
}

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

/** 工作台: the back office's home. Everything on it is the server's read model; the page only draws it. */
export function Dashboard() {
  const [data, setData] = useState<BackOfficeDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    callApi<BackOfficeDashboard>('/api/admin/dashboard').then(setData, (e: Error) => setError(e.message));
  }, []);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <Box sx={{ p: 2 }}>加载中…</Box>;
  const { figures, queues, compliance } = data;
  return (
    <Box sx={{ p: 2 }}>
      <Title title="工作台" />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Figure label="今日" orders={figures.today.orders} premiumFen={figures.today.premiumFen} testId="dashboard-today" />
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Figure label="本月" orders={figures.month.orders} premiumFen={figures.month.premiumFen} testId="dashboard-month" />
        </Grid>
        {queues.map((queue) => (
          <Grid key={queue.key} size={{ xs: 6, md: 3 }}>
            <Card data-testid={`queue-${queue.key}`}>
              <CardActionArea component={Link} to={`/${queue.resource}?filter=${encodeURIComponent(JSON.stringify(queue.filter))}`}>
                <CardContent>
                  <Typography variant="overline">{queue.label}</Typography>
                  <Typography variant="h4" color={queue.count > 0 ? 'warning.main' : 'text.secondary'} data-testid="queue-count">
                    {queue.count}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Grid>
        ))}
        <Grid size={{ xs: 12, md: 6 }}>
          <Chart title="本月已付保费 · 按保险公司">
            {figures.premiumsByInsurer.length ? (
              <BarChart height={260} layout="horizontal" yAxis={[{ scaleType: 'band', data: figures.premiumsByInsurer.map((r) => r.label), width: 180 }]}
                series={[{ data: figures.premiumsByInsurer.map((r) => yuan(r.premiumFen)), label: '保费（元）', valueFormatter: yuanLabel }]} />
            ) : <Typography color="text.secondary">本月暂无已付保费</Typography>}
          </Chart>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Chart title="本月已付保费 · 按项目类型">
            {figures.premiumsByProjectType.length ? (
              <BarChart height={260} xAxis={[{ scaleType: 'band', data: figures.premiumsByProjectType.map((r) => r.label) }]}
                series={[{ data: figures.premiumsByProjectType.map((r) => yuan(r.premiumFen)), label: '保费（元）', valueFormatter: yuanLabel }]} />
            ) : <Typography color="text.secondary">本月暂无已付保费</Typography>}
          </Chart>
        </Grid>
        <Grid size={12}>
          <Chart title="近 30 天每日订单数">
            <LineChart height={260} xAxis={[{ scaleType: 'point', data: figures.dailyOrders.map((d) => d.day.slice(5)) }]}
              series={[{ data: figures.dailyOrders.map((d) => d.orders), label: '订单数' }]} />
          </Chart>
        </Grid>
        {compliance && (
          <>
            <Grid size={12}>
              <Alert severity={compliance.auditChain.ok ? 'success' : 'error'} data-testid="dashboard-audit-chain">
                {compliance.auditChain.ok
                  ? `审计链完整：已校验 ${compliance.auditChain.checked} 条记录`
                  : `审计链异常：${compliance.auditChain.message}`}
              </Alert>
            </Grid>
            {compliance.decisions.map((set) => (
              <Grid key={set.ruleSetKey} size={{ xs: 12, md: 6 }}>
                <Chart title={`${set.label} · 近 8 周决策结果`}>
                  <BarChart height={260} xAxis={[{ scaleType: 'band', data: set.weeks }]}
                    series={set.outcomes.map((o) => ({ data: o.counts, label: o.outcome, stack: 'total' }))} />
                </Chart>
              </Grid>
            ))}
          </>
        )}
      </Grid>
    </Box>
  );
}
