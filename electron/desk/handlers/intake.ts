import path from 'node:path';
import type { DeskHandlers } from '../../../shared/contract';
import type { intakeChannels } from '../../../shared/channels/intake';
import {
  BillFieldsSchema,
  type BillFieldKey,
  type Extraction,
  type ExtractionPage,
} from '../../../shared/domain';
import { packWords, unpackWords } from '../../../shared/extract/learn';
import { profilesOrNone, teach } from '../learned';
import { DeskError } from '../../../shared/errors';
import type { ServiceDeps } from '../service';
import { uploadInfo } from '../uploads';
import { sweepBlobTemps } from '../intake/blobs';
import { BILL_MIME, LIMITS } from '../intake/sniff';
import { readWithin } from '../read-within';
import { fieldName } from '../../../shared/field-names';

// Handlers of the intake channels (see shared/channels/intake.ts). Reading a bill is slow (OCR),
// so addBill reports progress under the caller's jobId and can be cancelled with intake:cancel.
// Nothing is stored until the bill has been read and its fields found: a failed intake leaves
// no blob, document or extraction behind.

export function intakeHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof intakeChannels> {
  const jobs = new Map<string, AbortController>();
  sweepBlobTemps(deps.dataDir);
  let seq = 0;

  return {
    'intake:addBill': async (args, ctx) => {
      const jobId = args.jobId ?? `intake-${Date.now()}-${++seq}`;
      if (jobs.has(jobId)) throw new DeskError('CONFLICT', `A bill is already being read under job ${jobId}`);
      const ac = new AbortController();
      jobs.set(jobId, ac);
      const onOuterAbort = () => ac.abort();
      ctx.signal?.addEventListener('abort', onOuterAbort, { once: true });
      try {
        if (args.caseId !== undefined) await deps.store.getCase(args.caseId); // NOT_FOUND before any work
        const source = args.uploadId ? uploadInfo(deps.dataDir, args.uploadId) : null;
        const file = source?.path ?? args.path!;
        const filename = source?.name ?? path.basename(file);
        const bytes = await readWithin(file, filename, LIMITS.maxBytes, 'bills');
        const { intakeBill } = await import('../intake/bill');
        const emit = (stage: string, done: number, total: number) => {
          const ev = { type: 'progress' as const, jobId, stage, done, total };
          deps.broadcast(ev);
          ctx.emit?.(ev);
        };
        const res = await intakeBill(bytes, {
          name: filename,
          signal: ac.signal,
          onProgress: (p) => emit(p.stage, p.done, p.total),
          profiles: await profilesOrNone(deps.store, deps.log),
        });
        ac.signal.throwIfAborted();
        let document = null;
        if (args.caseId !== undefined) {
          emit('store', 0, 1);
          const blob = await deps.store.putBlob(bytes);
          document = await deps.store.addDocument(
            args.caseId,
            {
              sha256: blob.sha256,
              kind: 'bill',
              filename,
              mime: BILL_MIME[res.kind],
              size: bytes.byteLength,
              pages: res.pages.length,
            },
            ctx.actor,
          );
          // the words go with it, so a correction can teach the carrier without reading the bill again
          const stored: Stored = { ...res.extraction, words: packWords(res.readPages) };
          await deps.store.saveExtraction(document.id, stored);
          emit('store', 1, 1);
          const c = await deps.store.getCase(args.caseId);
          deps.broadcast({ type: 'case-changed', caseId: c.id, version: c.version });
        }
        return {
          document,
          extraction: res.extraction,
          pages: res.pages.map((p) => ({ page: p.page, width: p.width, height: p.height, source: p.source })),
          rendition: res.renditionHint,
          warnings: res.warnings,
        };
      } catch (err) {
        if (ac.signal.aborted && !(err instanceof DeskError && err.code === 'CANCELED')) {
          throw new DeskError('CANCELED', 'Reading the bill was cancelled');
        }
        if (err instanceof Error && err.name === 'AbortError')
          throw new DeskError('CANCELED', 'Reading the bill was cancelled');
        throw err;
      } finally {
        jobs.delete(jobId);
        ctx.signal?.removeEventListener('abort', onOuterAbort);
      }
    },

    'intake:cancel': ({ jobId }) => {
      const ac = jobs.get(jobId);
      if (!ac) return { canceled: false };
      ac.abort();
      return { canceled: true };
    },

    'intake:listDocuments': async ({ caseId }) => {
      await deps.store.getCase(caseId);
      return deps.store.listDocuments(caseId);
    },

    'intake:getExtraction': async ({ documentId }) => {
      const document = await deps.store.getDocument(documentId);
      return { document, extraction: withoutWords(withDefaults(await deps.store.getExtraction(documentId))) };
    },

    'intake:correctField': async ({ documentId, field, value }, ctx) => {
      const document = await deps.store.getDocument(documentId);
      const current = withDefaults(await deps.store.getExtraction(documentId));
      if (!current)
        throw new DeskError('NOT_FOUND', `Document ${documentId} has no extracted fields to correct`);
      const parsed = BillFieldsSchema.shape[field].safeParse(value);
      if (!parsed.success) {
        throw new DeskError(
          'BAD_ARGUMENT',
          `Invalid value for ${field}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
        );
      }
      const old = current.fields[field];
      const next: Stored = {
        ...current,
        fields: { ...current.fields, [field]: parsed.data },
        // The agent's value is certain; it no longer comes from a place on the page.
        meta: { ...current.meta, [field]: { confidence: 1, boxes: [], doubts: [] } },
        // nor from the reader or a learned profile: the field's source is the agent
        ...(current.sources
          ? { sources: Object.fromEntries(Object.entries(current.sources).filter(([k]) => k !== field)) }
          : {}),
      };
      await deps.store.saveExtraction(documentId, next);
      // The desk learns where this carrier prints the field, from the words kept with the bill.
      const learned = await learnFromCorrection(deps, document, next, field, parsed.data, ctx.actor);
      await deps.store.appendEvent(
        document.caseId,
        {
          kind: 'correction',
          field,
          oldValue: old,
          newValue: parsed.data,
          note: `bill ${document.filename} (document ${documentId})${learned ? `; ${learned}` : ''}`,
        },
        ctx.actor,
      );
      const c = await deps.store.getCase(document.caseId);
      deps.broadcast({ type: 'case-changed', caseId: c.id, version: c.version });
      return withoutWords(next);
    },

    'intake:documentBytes': async ({ documentId }) => {
      const document = await deps.store.getDocument(documentId);
      const bytes = await deps.store.readBlob(document.sha256);
      return { mime: document.mime, filename: document.filename, base64: bytes.toString('base64') };
    },

    'intake:pageImage': async ({ documentId, page }) => {
      const document = await deps.store.getDocument(documentId);
      const name = `${document.filename} (document ${documentId})`;
      if (document.pages !== null && page > document.pages) {
        throw new DeskError(
          'NOT_FOUND',
          `${name} has ${document.pages} page${document.pages === 1 ? '' : 's'}; there is no page ${page}`,
        );
      }
      const bytes = await deps.store.readBlob(document.sha256);
      const turn =
        (await deps.store.getExtraction(documentId))?.pages?.find((p) => p.page === page)?.rotate ?? 0;
      const { renderPageImage } = await import('../intake/page-image');
      return renderPageImage(bytes, { page, rotate: turn, name });
    },
  };
}

type Read = Extraction & { pages: ExtractionPage[] };
/** An extraction as stored: with the bill's words when they were kept at intake. */
type Stored = Read & { words?: unknown };

/** The page has no use for the words (and they are most of the row): never sent out. */
function withoutWords<T extends Stored | null>(x: T): T {
  if (!x || !('words' in x)) return x;
  const { words: _words, ...rest } = x;
  return rest as T;
}

/**
 * Teaches the bill's carrier the corrected field (with the carrier's name, which identifies it).
 * Returns what to say in the correction's note, or null when nothing could be learned. A failure
 * to learn never fails the correction itself.
 */
async function learnFromCorrection(
  deps: ServiceDeps,
  document: { id: number; caseId: number; filename: string },
  x: Stored,
  field: BillFieldKey,
  value: unknown,
  actor: string,
): Promise<string | null> {
  const pages = unpackWords(x.words);
  if (!pages || field === 'numbers') return null;
  const carrier = x.fields.carrier;
  if (!carrier) return 'not learned: the bill names no carrier (correct the carrier first)';
  try {
    const res = await teach(
      deps.store,
      pages,
      { carrier, [field]: value },
      {
        at: new Date().toISOString(),
        by: actor,
        bill: document.filename,
        documentId: document.id,
        caseId: document.caseId,
      },
      carrier,
    );
    deps.log.info('learn.taught', { documentId: document.id, created: res.created });
    return `learned where ${res.profile.carrier} prints the ${fieldName(field)}`;
  } catch (err) {
    deps.log.warn('learn.failed', {
      documentId: document.id,
      code: err instanceof DeskError ? err.code : 'INTERNAL',
    });
    return err instanceof DeskError && err.code === 'BAD_ARGUMENT'
      ? `not learned: the ${fieldName(field)} is not printed on the bill where a reader finds it`
      : null;
  }
}

/** Rows saved before an extraction recorded its pages (or numbers' boxes) read as empty ones. */
function withDefaults(x: Extraction | null): Read | null {
  return x && { ...x, numberMeta: x.numberMeta ?? {}, pages: x.pages ?? [] };
}
