import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useState } from 'react';

export interface TemporaryPasswordNotice {
  display_name: string;
  phone: string;
  temporary_password: string;
}

/**
 * The temporary password of a new or reset account, shown this once: the server keeps only its hash and
 * never answers it again. The administrator copies it and hands it over; the account must change it at
 * its first sign-in.
 */
export function TemporaryPasswordDialog({ notice, title, onClose }: { notice: TemporaryPasswordNotice | null; title: string; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const close = () => {
    setCopied(null);
    onClose();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(notice?.temporary_password ?? '');
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog open={notice !== null} maxWidth="sm" fullWidth aria-labelledby="temporary-password-title">
      <DialogTitle id="temporary-password-title">{title}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          请将以下临时密码告知 {notice?.display_name}（{notice?.phone}）。对方登录后须先修改密码才能使用系统。
        </DialogContentText>
        <Box
          data-testid="temporary-password"
          sx={{ fontFamily: 'monospace', fontSize: 24, letterSpacing: 2, textAlign: 'center', p: 2, bgcolor: '#eef3fc', borderRadius: 1, userSelect: 'all' }}
        >
          {notice?.temporary_password}
        </Box>
        <Alert severity="warning" sx={{ mt: 2 }}>
          临时密码只显示这一次，关闭后无法再次查看；如遗失，请重新「重置密码」。
        </Alert>
        {copied === 'yes' && <Alert severity="success" sx={{ mt: 1 }}>已复制到剪贴板</Alert>}
        {copied === 'failed' && <Alert severity="info" sx={{ mt: 1 }}>浏览器不允许自动复制，请选中密码后手动复制</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={copy}>复制密码</Button>
        <Button variant="contained" onClick={close}>
          我已记下
        </Button>
      </DialogActions>
    </Dialog>
  );
}
