'use client';

import dynamic from 'next/dynamic';

// react-admin is a browser application with its own router: it is never rendered on the server.
const AdminApp = dynamic(() => import('./admin-app'), {
  ssr: false,
  loading: () => <p style={{ padding: 24 }}>管理后台加载中…</p>,
});

export function AdminLoader() {
  return <AdminApp />;
}
