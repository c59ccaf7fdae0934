// Electron's door into the desk: one ipcMain.handle per contract channel (never a generic
// pass-through), each refusing frames that are not our app, each going through dispatch(), which
// parses the arguments with the channel's zod schema as `unknown`.
import type { IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type CallContext, type DeskEvent, type Envelope } from '../shared/contract';
import { dispatch } from './desk/dispatch';
import type { Desk } from './desk/service';
import { isTrustedSender } from './security';

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  ipcMain: IpcMainLike;
  desk: Pick<Desk, 'handlers' | 'deps'>;
  /** The app's own URL (app://desk/index.html, or the dev server in development). */
  appUrl: string;
  actor?: string;
}

const untrusted: Envelope<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This window is not allowed to talk to the desk.' },
};

/** Registers every channel; returns a function that removes them again. */
export function registerDeskIpc({ ipcMain, desk, appUrl, actor = 'agent (app)' }: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, args) => {
      // senderFrame is null once the frame navigated away or was destroyed: refuse then too.
      if (!isTrustedSender(event.senderFrame?.url, appUrl)) return untrusted;
      const controller = new AbortController();
      const ctx: CallContext = {
        actor,
        emit: (e: DeskEvent) => desk.deps.broadcast(e),
        signal: controller.signal,
      };
      return dispatch(desk.handlers, channel, args, ctx);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
