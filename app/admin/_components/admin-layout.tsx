import LockResetIcon from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef, type ReactNode } from 'react';
import { AppBar, Layout, Logout, TitlePortal, UserMenu, useUserMenu } from 'react-admin';

/** 修改密码 is the site's own page (/account/password), shared with bidders, so it is a plain link. */
const ChangePasswordMenuItem = forwardRef<HTMLAnchorElement>(function ChangePasswordMenuItem(props, ref) {
  const userMenu = useUserMenu();
  return (
    <MenuItem ref={ref} {...props} component="a" href="/account/password" onClick={() => userMenu?.onClose()}>
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>修改密码</ListItemText>
    </MenuItem>
  );
});

function AdminUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordMenuItem />
      <Logout />
    </UserMenu>
  );
}

function AdminAppBar() {
  return (
    <AppBar userMenu={<AdminUserMenu />}>
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG needs no image optimisation */}
      <img src="/logo-inverse.svg" alt="" width={24} height={24} style={{ marginRight: 8 }} />
      <TitlePortal />
    </AppBar>
  );
}

/** react-admin's layout with the back office's user menu (修改密码, 退出登录). */
export function AdminLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={AdminAppBar}>{children}</Layout>;
}
