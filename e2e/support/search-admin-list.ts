import { expect, type Page } from '@playwright/test';

/**
 * Types into a back-office list's search box and waits until the list has applied it. react-admin applies a
 * search after a debounce by navigating to the list's filtered address; a row clicked before that moment
 * opens its record and is then sent back to the list when the navigation lands.
 */
export async function searchAdminList(page: Page, placeholder: string, text: string) {
  await page.getByPlaceholder(placeholder).fill(text);
  await expect.poll(() => decodeURIComponent(page.url())).toContain(`"q":"${text}"`);
}
