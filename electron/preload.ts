// Sandboxed preload (bundled to CJS; only 'electron' may be required at runtime). Exposes exactly
// the DeskClient: invoke() for contract channels only, onEvent() for the one event channel, and
// pathForFile() so a dropped bill is read from disk rather than copied through the renderer.
// ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ArgsIn, Channel, DeskClient, DeskEvent, Envelope, Result } from '../shared/contract';
import { DESK_EVENT_CHANNEL } from './security';

// Injected by scripts/build-electron.mjs from shared/contract.ts, so the preload does not bundle
// zod and every schema just to know the channel names.
declare const __DESK_CHANNELS__: readonly string[];
const channels = new Set<string>(__DESK_CHANNELS__);

const desk = {
  door: 'electron',
  async invoke<C extends Channel>(channel: C, args: ArgsIn<C>): Promise<Result<C>> {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      // A plain object: contextBridge keeps its fields, while an Error would lose `code`.
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw {
        name: 'DeskError',
        code: 'UNKNOWN_CHANNEL',
        message: `Unknown channel: ${String(channel).slice(0, 80)}`,
      };
    }
    const envelope = (await ipcRenderer.invoke(channel, args)) as Envelope<Result<C>>;
    if (envelope.ok) return envelope.value;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- see above: keeps code and issues
    throw { name: 'DeskError', ...envelope.error };
  },
  onEvent(listener: (event: DeskEvent) => void): () => void {
    const forward = (_e: unknown, event: DeskEvent): void => listener(event);
    ipcRenderer.on(DESK_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(DESK_EVENT_CHANNEL, forward);
    };
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
} satisfies DeskClient & { pathForFile(file: File): string };

contextBridge.exposeInMainWorld('desk', desk);
