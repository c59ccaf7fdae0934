// The page-preparation thread: prepareForOcr (decode, find and flatten a photo's sheet, even its
// light, binarise-ready contrast, bands, leaders) on its own thread. That is 0.3-0.4 s of pixel
// arithmetic per page in JavaScript, which on the main process's thread held every IPC reply
// and timer of the app for as long (prepare-thread.ts says how it is reached).
import { parentPort } from 'node:worker_threads';
import { DeskError } from '../../../shared/errors';
import { prepareForOcr } from './images';
import { asBuffer, type PrepareReply, type PrepareRequest } from './prepare-messages';
import type { RawImage } from './render';

if (!parentPort) throw new Error('prepare-worker.ts runs as a worker thread only');
const port = parentPort;

port.on('message', (req: PrepareRequest) => {
  void (async () => {
    let reply: PrepareReply;
    try {
      const input: Buffer | RawImage =
        req.input instanceof Uint8Array
          ? asBuffer(req.input)
          : { ...req.input, data: asBuffer(req.input.data) };
      const img = await prepareForOcr(input, req.opts);
      // The sheet's toPhoto is a function, which cannot cross threads: its map can.
      const { sheet, ...rest } = img;
      reply = {
        id: req.id,
        image: {
          ...rest,
          ...(sheet
            ? {
                sheet: {
                  map: sheet.map,
                  photoWidthPt: sheet.photoWidthPt,
                  photoHeightPt: sheet.photoHeightPt,
                },
              }
            : {}),
        },
      };
    } catch (err) {
      // The caller words a failure for the agent (pipeline.ts imageError): the message and, for
      // the desk's own errors, the code are what it needs.
      const message = err instanceof Error ? err.message : String(err);
      reply = { id: req.id, error: err instanceof DeskError ? { message, code: err.code } : { message } };
    }
    port.postMessage(reply);
  })();
});

// Loaded: from here a failure is a page's, not the thread's (prepare-thread.ts).
port.postMessage('ready');
