// A data folder whose keyring is gone: the app explains what happened and what to do, in both languages.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, screenshot, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { removeDataDir, startCore } from './fixtures/server';
import { ShellPage } from './pages/ShellPage';

test('a missing keyring shows the vault error screen', async ({ page }, testInfo) => {
  const first = await startCore();
  const created = await first.call('setup.create', { office: OFFICE, partner: PARTNER });
  expect(created.ok).toBe(true);
  await first.stop();
  await rm(join(first.dataDir, 'tahseel.keyring.json'));
  const core = await startCore(first.dataDir);
  try {
    await page.goto(core.url);
    const error = page.getByTestId('vault-error');
    await expect(error).toHaveAttribute('data-code', 'vault.keyring_missing');
    await screenshot(page, testInfo, 'ar-vault-error');
    await new ShellPage(page).switchLanguage('en');
    await expect(page.getByText('The key file is missing')).toBeVisible();
    await screenshot(page, testInfo, 'en-vault-error');
  } finally {
    await core.stop();
    await removeDataDir(first.dataDir);
  }
});
