/** What a failed sign-in says, from next-auth's error code (in the answer, or in the URL it redirects to). */
export function signInErrorMessage(code: string | undefined | null, status?: number): string | null {
  if (!code) return null;
  if (code === 'RATE_LIMITED') return '登录失败次数过多，请 15 分钟后再试';
  if (code === 'CredentialsSignin' || status === 401) return '手机号或密码错误';
  return '登录失败，请稍后重试';
}
