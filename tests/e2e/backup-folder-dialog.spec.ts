// Settings → Backups in the desktop app, Arabic then English: "Choose…" opens the system's folder dialog (through the
// preload bridge), the chosen folder fills the field, and it is checked when saved — a folder that cannot be written is
// refused under the field, translated; a new folder is made and the backup goes there; cancelling changes nothing.
// The Electron binary cannot run on these machines, so the page gets the desktop bridge's shape on window.tahseel
// before it loads: call and onEvent carried over this core's HTTP endpoints (as browser mode does), and chooseFolder
// answering what the test says the user picked (electron/main/ipc.ts's handler, tested in tests/unit/electron, is what
// shows the real dialog).
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ChooseFolderOptions } from '../../electron/contract/bridge';
import { expect, test } from './fixtures/test';
import { OFFICE, PARTNER } from './fixtures/data';
import { BackupsPage } from './pages/BackupsPage';
import { LoginPage } from './pages/LoginPage';
import { ShellPage } from './pages/ShellPage';

const SHOTS = process.env.TAHSEEL_SHOTS_DIR ?? '/tmp/shots-backup';

declare global {
  interface Window {
    /** What the test's folder dialog answers next (null: the user cancels). */
    nextFolder?: string | null;
    /** Every time the page opened the folder dialog, with what it asked. */
    folderDialogs?: ChooseFolderOptions[];
  }
}

async function shot(page: Page, name: string): Promise<void> {
  await mkdir(SHOTS, { recursive: true });
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true, animations: 'disabled' });
}

/** The desktop bridge's shape, before the page's own scripts run. */
async function desktopBridge(page: Page, token: string): Promise<void> {
  await page.addInitScript((runToken: string) => {
    window.folderDialogs = [];
    window.tahseel = {
      call: async (name, input, session) => {
        const r = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Tahseel-Token': runToken, 'X-Tahseel-Session': session ?? '' },
          body: JSON.stringify({ input }),
        });
        return (await r.json()) as Awaited<ReturnType<NonNullable<Window['tahseel']>['call']>>;
      },
      onEvent: (listener) => {
        const source = new EventSource(`/events?token=${encodeURIComponent(runToken)}`);
        source.onmessage = (m: MessageEvent<string>) => listener(JSON.parse(m.data) as { type: string });
        return () => source.close();
      },
      chooseFolder: (options) => {
        window.folderDialogs?.push(options);
        return Promise.resolve(window.nextFolder ?? null);
      },
    };
  }, token);
}

async function pick(page: Page, folder: string | null): Promise<void> {
  await page.evaluate((f) => {
    window.nextFolder = f;
  }, folder);
  await page.getByTestId('backup-choose-folder').click();
}

test('choose the backup folder with the folder dialog; checked when saved; the backup goes there', async ({ page, core }) => {
  test.setTimeout(180_000);
  const root = await mkdtemp(join(tmpdir(), 'tahseel-e2e-folder-dialog-'));
  const blocker = join(root, 'a-file');
  await writeFile(blocker, 'not a folder');
  try {
    expect((await core.call('setup.create', { office: OFFICE, partner: PARTNER })).ok).toBe(true);
    await desktopBridge(page, core.token);
    await page.goto(core.url);
    await new LoginPage(page).signIn(PARTNER.username, PARTNER.password);
    const shell = new ShellPage(page);
    const backups = new BackupsPage(page);
    await expect(shell.home()).toBeVisible();
    await shell.goToSettings('backups');
    const field = page.getByTestId('backup-folder');
    const choose = page.getByTestId('backup-choose-folder');
    await expect(choose).toHaveText('اختيار…');

    // A folder that cannot be written, picked in the dialog: the field shows it, saving refuses it under the field.
    await pick(page, join(blocker, 'backups'));
    await expect(field).toHaveValue(join(blocker, 'backups'));
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings')).toContainText('لا يمكن الكتابة في مجلد النسخ الاحتياطية');
    await shot(page, 'ar-folder-dialog-refused');
    expect((await page.evaluate(() => window.folderDialogs))?.[0]).toEqual({ title: 'اختر مجلد النسخ الاحتياطية' });

    // A new folder: the dialog opens where the field points; saved, the folder is made; the backup is written there.
    const chosen = join(root, 'usb', 'tahseel-backups');
    await pick(page, chosen);
    await expect(field).toHaveValue(chosen);
    await expect(page.getByTestId('backup-settings')).not.toContainText('لا يمكن الكتابة');
    expect((await page.evaluate(() => window.folderDialogs))?.[1]).toEqual({ title: 'اختر مجلد النسخ الاحتياطية', defaultPath: join(blocker, 'backups') });
    await page.getByTestId('backup-save').click();
    await expect(page.getByText('تم الحفظ')).toBeVisible();
    expect((await stat(chosen)).isDirectory()).toBe(true);
    await backups.runNow();
    await expect(backups.rows()).toHaveCount(1);
    await shot(page, 'ar-folder-dialog-chosen');

    // English; cancelling the dialog leaves the field as it was.
    await shell.switchLanguage('en');
    await expect(choose).toHaveText('Choose…');
    await pick(page, null);
    await expect(field).toHaveValue(chosen);
    expect((await page.evaluate(() => window.folderDialogs))?.at(-1)).toEqual({ title: 'Choose the backup folder', defaultPath: chosen });
    await pick(page, join(blocker, 'x'));
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-settings')).toContainText('The backup folder cannot be written');
    await shot(page, 'en-folder-dialog-refused');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
