import path from 'node:path';
import type { DeskHandlers } from '../../../shared/contract';
import type { packetChannels } from '../../../shared/channels/packet';
import type { ServiceDeps } from '../service';
import { getDownload, registerDownload } from '../downloads';
import { DeskError } from '../../../shared/errors';
import { uploadInfo, discardUpload } from '../uploads';
import type { PacketDeps } from '../packet';

// pdf-lib, nodemailer and yazl cost about a second to load; only an export needs them, so the
// first screen does not wait for them.
const packetModule = () => import('../packet');

// Handlers of the packet channels (see shared/channels/packet.ts). The work is in desk/packet;
// here only the doors' concerns: downloads for the browser, uploads for the signed LOA, and
// telling open windows that the case moved.
export function packetHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof packetChannels> {
  const pdeps: PacketDeps = {
    store: deps.store,
    dataDir: deps.dataDir,
    secrets: deps.secrets,
    registerDownload: (file, name, mime) => registerDownload(file, name, mime),
    // The packet is dated by the desk's clock, as its checks and FOC calendar are.
    now: () => new Date(deps.clock()),
  };
  const changed = async (caseId: number): Promise<void> => {
    deps.broadcast({ type: 'case-changed', caseId, version: (await deps.store.getCase(caseId)).version });
  };
  return {
    'packet:export': async (args, ctx) => {
      const { written: _w, raw: _r, ...result } = await (await packetModule()).exportCase(pdeps, args, ctx);
      await changed(args.caseId);
      return result;
    },
    'packet:send': async (args, ctx) => {
      try {
        return await (await packetModule()).sendCase(pdeps, args, ctx);
      } finally {
        await changed(args.caseId);
      }
    },
    // Only files this desk exported can be opened (by their random id, never by a path from the
    // page), and only where an OS opener was injected: the desktop app.
    'packet:openFile': async ({ downloadId }) => {
      const entry = getDownload(downloadId);
      if (!entry)
        throw new DeskError('NOT_FOUND', 'That export is no longer available; export the packet again.');
      if (!deps.openPath)
        throw new DeskError(
          'BAD_ARGUMENT',
          'Opening files works in the desktop app; in the browser, download the file.',
        );
      await deps.openPath(entry.filePath);
      return { opened: true as const };
    },
    'packet:attachSignedLoa': async (args, ctx) => {
      const up = args.uploadId ? uploadInfo(deps.dataDir, args.uploadId) : null;
      const filePath = up ? up.path : path.resolve(args.path!);
      const filename = up ? up.name : path.basename(filePath);
      const r = await (
        await packetModule()
      ).attachSignedLoa(pdeps, { caseId: args.caseId, filePath, filename }, ctx);
      if (up) discardUpload(deps.dataDir, up.uploadId);
      await changed(args.caseId);
      return r;
    },
  };
}
