/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS hook: electron-builder require()s it */
// electron-builder afterPack hook: flips the Electron fuses (see fuses.cjs) in the packed binary
// before it is signed and wrapped into the nsis/dmg installer.
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

/** The Electron executable (or .app bundle) inside appOutDir for this platform. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas')
    return path.join(appOutDir, `${name}.app`);
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${name}.exe`);
  return path.join(appOutDir, packager.executableName);
}

module.exports = async function afterPack(context) {
  const target = electronBinary(context);
  await flipFuses(target, fuseConfig(context.electronPlatformName));
  console.log(`  • electron fuses flipped  target=${path.basename(target)}`);
};
module.exports.electronBinary = electronBinary;
