import { expect, expectAccessible, test } from './fixtures';
import { AppPage } from './pages/app-page';

/**
 * A screen that throws in the real app: the ErrorBoundary (ui/ErrorBoundary.tsx, mounted in
 * app/App.tsx) shows the Dutch message in its place, the menu stays, the buttons are reached
 * with Tab, the console names the error only, and leaving the address brings the screen back.
 * The fault is injected in the page: landing on `?focus=` calls scrollIntoView, made to throw
 * an error whose message holds the household's name.
 */
test('a screen that throws shows a Dutch message with a way out, and the console gets no resident data', async ({ app }) => {
  const ui = new AppPage(app.page, app.baseURL);
  const consoleLines: string[] = [];
  app.page.on('console', (m) => consoleLines.push(m.text()));
  await ui.open();
  await ui.setup();
  const id = await ui.createHousehold('Familie Foutmelding', [{ role: 'ouder', firstName: 'Ilse', lastName: 'Foutmelding' }]);

  await app.page.evaluate(() => {
    Element.prototype.scrollIntoView = function broken() {
      throw new TypeError('kan Familie Foutmelding niet tonen');
    };
    window.location.hash = `${window.location.hash.split('?')[0] ?? ''}?focus=members-title`;
  });

  const alert = app.page.locator('[data-screen-error]');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.getByRole('heading', { name: 'Er ging iets mis op dit scherm' })).toBeFocused();
  await expect(alert).toContainText('Er is niets van uw gegevens verloren gegaan');
  // The menu is outside the boundary and stays.
  await expect(app.page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
  await app.page.keyboard.press('Tab');
  await expect(alert.getByRole('button', { name: 'Terug' })).toBeFocused();
  await app.page.keyboard.press('Tab');
  await expect(alert.getByRole('button', { name: 'Opnieuw laden' })).toBeFocused();
  await expectAccessible(app.page, 'screen error message');

  expect(consoleLines.some((l) => l.includes('TypeError'))).toBe(true);
  expect(consoleLines.filter((l) => l.includes('Foutmelding'))).toEqual([]);

  // 'Terug' goes to the household without ?focus=, and the screen is shown again.
  await alert.getByRole('button', { name: 'Terug' }).click();
  await expect(app.page.locator('[data-ready="household"]')).toBeVisible();
  await expect(alert).toHaveCount(0);
  expect(app.page.url()).toContain(`/households/${id}`);
  expect(app.page.url()).not.toContain('focus=');
});
