import { Alert, Box, Button } from '@mui/material';
import KeyIcon from '@mui/icons-material/Key';
import { useState } from 'react';
import { PasswordInput, required as requiredValue } from 'react-admin';
import { useFormContext } from 'react-hook-form';

/** 32 random bytes as 64 hex characters: well past the 32 characters a secret must have. */
function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * 共享密钥, write-only: typed, or 生成随机密钥 — then shown once here, before saving, so the administrator
 * can hand it to the trading platform; after saving it is never shown again.
 */
export function PlatformSecretInput({ helperText, required = false }: { helperText: string; required?: boolean }) {
  const { setValue } = useFormContext();
  const [generated, setGenerated] = useState<string | null>(null);
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <PasswordInput source="secret" validate={required ? requiredValue() : undefined} helperText={helperText} autoComplete="new-password" sx={{ flex: 1 }} />
        <Button
          variant="outlined"
          startIcon={<KeyIcon />}
          sx={{ mt: 1.5, whiteSpace: 'nowrap' }}
          onClick={() => {
            const secret = randomSecret();
            setValue('secret', secret, { shouldDirty: true, shouldValidate: true });
            setGenerated(secret);
          }}
        >
          生成随机密钥
        </Button>
      </Box>
      {generated && (
        <Alert severity="warning" sx={{ mb: 2 }} role="status" aria-label="新生成的共享密钥">
          请立即复制此密钥并交给交易平台，保存后不再显示：
          <Box component="code" data-testid="generated-secret" sx={{ display: 'block', mt: 0.5, fontSize: 14, wordBreak: 'break-all', userSelect: 'all' }}>
            {generated}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
