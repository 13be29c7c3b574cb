import { expect, type Locator } from '@playwright/test';

/**
 * The full label of the first option of `select` that `match` accepts. Options often arrive
 * after the select itself (they come from a query), so this waits for one to appear instead of
 * reading the list once.
 */
export async function optionLabel(select: Locator, match: string | ((label: string) => boolean)): Promise<string> {
  const accept = typeof match === 'string' ? (l: string) => l.startsWith(match) : match;
  let found: string | undefined;
  await expect
    .poll(async () => {
      found = (await select.locator('option').allTextContents()).find(accept);
      return found !== undefined;
    }, { message: `an option matching ${String(match)}` })
    .toBe(true);
  return found ?? '';
}
