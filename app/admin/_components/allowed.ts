/** Whether the server said this record's reader may take `action` now (its `allowed_actions`). */
export function allowed(record: { allowed_actions?: readonly string[] } | undefined, action: string): boolean {
  return record?.allowed_actions?.includes(action) ?? false;
}
