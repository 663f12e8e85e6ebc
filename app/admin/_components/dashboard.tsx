import { Alert, Box, Card, CardActionArea, CardContent, Grid, Typography } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Title } from 'react-admin';
import { Link } from 'react-router-dom';
import type { BackOfficeDashboard } from '@/lib/dashboard/back-office-dashboard';
import { formatFen } from '@/lib/money/format-fen';
import { callApi } from './call-api';
import { MissingCalendarBanner } from './missing-calendar-banner';

// The charts library is loaded with the first chart, so the back office's first load does not carry it.
const DashboardCharts = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.DashboardCharts })));
const DecisionCharts = lazy(() => import('./dashboard-charts').then((m) => ({ default: m.DecisionCharts })));

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
      <MissingCalendarBanner />
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
        <Suspense fallback={<Grid size={12}><Typography color="text.secondary">图表加载中…</Typography></Grid>}>
          <DashboardCharts figures={figures} />
        </Suspense>
        {compliance && (
          <>
            <Grid size={12}>
              <Alert severity={compliance.auditChain.ok ? 'success' : 'error'} data-testid="dashboard-audit-chain">
                {compliance.auditChain.ok
                  ? `审计链完整：已校验 ${compliance.auditChain.checked} 条记录`
                  : `审计链异常：${compliance.auditChain.message}`}
              </Alert>
            </Grid>
            <Suspense fallback={null}>
              <DecisionCharts decisions={compliance.decisions} />
            </Suspense>
          </>
        )}
      </Grid>
    </Box>
  );
}
