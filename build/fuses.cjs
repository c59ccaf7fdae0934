/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook: electron-builder require()s it */
// The Electron fuse wire for Porting Desk, flipped into the packaged binary by after-pack.cjs.
// Fuses are compile-time switches in the Electron binary itself: turning a feature off here
// cannot be undone by command-line flags or environment variables on the agent's machine.
const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** @param {string} platform electron-builder's electronPlatformName (darwin, mas, win32, linux) */
function fuseConfig(platform) {
  // Electron only validates embedded asar integrity on macOS and Windows; electron-builder
  // writes the integrity data for those targets only.
  const asarIntegrity = platform === 'darwin' || platform === 'mas' || platform === 'win32';
  return {
    version: FuseVersion.V1,
    // Re-sign ad hoc after flipping so Apple Silicon still launches an unsigned dev build.
    resetAdHocDarwinSignature: platform === 'darwin',
    // Fail the build if a future Electron adds a fuse we have not decided on.
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // Cookies (and the browser storage next to them) encrypted with the OS keychain.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let anyone inject code into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: asarIntegrity,
    // Only the packaged app.asar runs, never a loose app/ folder dropped next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Not used: the default V8 snapshot is fine.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The renderer is served from app://, so file:// pages need no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

module.exports = { fuseConfig };
