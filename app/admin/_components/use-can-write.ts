import { usePermissions } from 'react-admin';
import type { AdminPermissions } from './auth-provider';

/** Compliance reads everything and changes nothing: write controls are not even shown to it. */
export function useCanWrite(): boolean {
  const { permissions } = usePermissions<AdminPermissions>();
  return permissions?.canWrite === true;
}

export function useDefaultRegion(): string | undefined {
  const { permissions } = usePermissions<AdminPermissions>();
  return permissions?.regionId ?? undefined;
}
