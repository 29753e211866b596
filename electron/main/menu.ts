// The application menu as data: the standard roles an office user needs, and developer tools only in development.
// `import type` from 'electron' only, so the template is checked in Node tests.
import type { MenuItemConstructorOptions } from 'electron';

export function menuTemplate(opts: { isMac: boolean; dev: boolean }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (opts.isMac) {
    template.push({ role: 'appMenu' });
  }
  template.push({ label: 'File', submenu: [opts.isMac ? { role: 'close' } : { role: 'quit' }] });
  // Edit roles make copy/paste shortcuts work on macOS and give them a menu entry everywhere.
  template.push({ role: 'editMenu' });
  template.push({
    label: 'View',
    submenu: [
      // Zoom is how a user with poor eyesight reads long Arabic tables; keep it in production.
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(opts.dev
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] satisfies MenuItemConstructorOptions[])
        : []),
    ],
  });
  template.push({ role: 'windowMenu' });
  return template;
}
