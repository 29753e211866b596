// electron-builder afterPack hook: flips Electron's fuses on the packed executable, before electron-builder signs it.
// CommonJS because electron-builder loads hooks with require/import in plain Node (no TypeScript loader).
'use strict';

const path = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * Why each fuse (Signal flips the same set: ts/scripts/fuse-electron.node.ts):
 * - RunAsNode off: ELECTRON_RUN_AS_NODE would turn Tahseel.exe into a signed, trusted Node for any script.
 * - EnableCookieEncryption on: Chromium's cookie store is encrypted with the OS key (DPAPI on Windows).
 * - EnableNodeOptionsEnvironmentVariable off: NODE_OPTIONS=--require … cannot inject code.
 * - EnableNodeCliInspectArguments off: --inspect cannot attach a debugger to main.
 * - EnableEmbeddedAsarIntegrityValidation on: app.asar is checked against the hash electron-builder embeds in the exe.
 * - OnlyLoadAppFromAsar on: no loose `resources/app` folder can replace the packaged code.
 * - LoadBrowserProcessSpecificV8Snapshot off: we ship no custom snapshot.
 * - GrantFileProtocolExtraPrivileges off: file:// gets no extra powers (our UI is on app://).
 */
function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // On macOS flipping bytes breaks the ad-hoc signature; re-sign ad hoc so an unsigned dev build still launches.
    resetAdHocDarwinSignature: platform === 'darwin',
    // Not strict: a newer Electron with a fuse @electron/fuses does not know yet keeps that fuse's default
    // instead of failing the release build.
    strictlyRequireAllFuses: false,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The packed executable, named the way electron-builder names it: <productFilename>.exe/.app, Linux's executableName. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

async function afterPack(context, flip = flipFuses) {
  const executable = executablePath(context);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const flipped = await flip(executable, fuseConfig(platform));
  console.log(`  • fuses flipped  file=${executable} wires=${String(flipped)}`);
}

module.exports = { afterPack, default: afterPack, fuseConfig, executablePath };
