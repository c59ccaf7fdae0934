// Preload of a window showing a team desk (a page served by the team host, not the app). That
// page talks to its host over HTTPS like any browser; from the shell it gets one thing only: the
// way back to the personal desk. Nothing of the local desk is reachable from it.
import { contextBridge, ipcRenderer } from 'electron';

export const LEAVE_TEAM_CHANNEL = 'desktop:leave-team';

contextBridge.exposeInMainWorld('deskShell', {
  usePersonalDesk: (): Promise<void> => ipcRenderer.invoke(LEAVE_TEAM_CHANNEL) as Promise<void>,
});
