// Handlers of the import channels (shared/channels/import.ts).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DeskHandlers } from '../../../shared/contract';
import type { importChannels } from '../../../shared/channels/import';
import { DeskError } from '../../../shared/errors';
import type { ServiceDeps } from '../service';
import { uploadInfo } from '../uploads';
import { mb } from '../intake/sniff';
import { commitImport, planImport } from '../import/plan';
import { SHEET_LIMITS } from '../import/read-sheet';

export function importHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof importChannels> {
  const read = async (ref: { path?: string | undefined; uploadId?: string | undefined }) => {
    const up = ref.uploadId ? uploadInfo(deps.dataDir, ref.uploadId) : null;
    const file = up?.path ?? ref.path!;
    const name = up?.name ?? path.basename(file);
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      throw new DeskError('BAD_INPUT_FILE', `${name} was not found`);
    }
    if (size > SHEET_LIMITS.maxBytes)
      throw new DeskError(
        'LIMIT_EXCEEDED',
        `${name} is ${mb(size)}; the desk imports spreadsheets of at most ${mb(SHEET_LIMITS.maxBytes)}`,
      );
    return { bytes: await fs.readFile(file), name };
  };
  return {
    'import:preview': async (args) => {
      const { bytes, name } = await read(args);
      return planImport(deps.store, bytes, name, args.mapping ?? null);
    },
    'import:commit': async (args, ctx) => {
      const { bytes, name } = await read(args);
      const res = await commitImport(deps.store, bytes, name, args.mapping ?? null, ctx.actor);
      for (const id of res.created) deps.broadcast({ type: 'case-changed', caseId: id, version: 1 });
      deps.log.info('import.commit', { cases: res.created.length, rejected: res.rejected.length });
      return res;
    },
  };
}
