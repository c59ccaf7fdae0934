// Where the desk keeps its data. Same rule for Electron, the CLI and the browser host, so all
// three doors open the same case store. PORTING_DESK_DATA overrides (tests, portable installs).
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Porting Desk';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const override = env.PORTING_DESK_DATA?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_DIR_NAME);
}

export const dbPath = (dataDir: string): string => path.join(dataDir, 'desk.sqlite');
export const blobDir = (dataDir: string): string => path.join(dataDir, 'blobs');
