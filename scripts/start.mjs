// `npm start`: build, then run the app. With the Electron binary present it launches Electron;
// where Electron cannot run (these Linux CI machines, where its download is blocked) it starts
// the browser host instead and prints the URL with the token. Data: the OS app-data folder, or
// PORTING_DESK_DATA. Pass --no-build to skip the build; other arguments go to the host
// (e.g. `npm start -- --port 4000 --open`).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const hostArgs = args.filter((a) => a !== '--no-build');

/**
 * The Electron executable if it is installed, else null. Deliberately not `require('electron')`:
 * that tries to download the binary when it is missing, which hangs on an offline machine.
 */
export function electronBinary() {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const rel = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const bin = path.join(distDir, rel);
  return fs.existsSync(bin) ? bin : null;
}

function run(child) {
  // Ctrl+C reaches the child through the terminal's process group; we wait for it to finish
  // closing the desk instead of dying first and leaving it orphaned.
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', () => {});
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!skipBuild) {
  console.log('Building Porting Desk…');
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (built.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(built.status ?? 1);
  }
}

const bin = electronBinary();
if (bin) {
  run(spawn(bin, [root], { cwd: root, stdio: 'inherit' }));
} else {
  console.log('Electron binary not available on this machine; starting the browser host instead.');
  const hostEntry = path.join(root, 'dist', 'electron', 'host.mjs');
  if (!fs.existsSync(hostEntry)) {
    console.error(`${path.relative(root, hostEntry)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  run(spawn(process.execPath, [hostEntry, ...hostArgs], { cwd: root, stdio: 'inherit' }));
}
