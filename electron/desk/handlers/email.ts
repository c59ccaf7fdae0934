// Handlers of the email intake channels (shared/channels/email.ts). Reading an email stores
// nothing: its attachments are staged as uploads (swept after a day) so the new case can take its
// bill, the other bills the agent picks, and the email itself once the agent creates the case.
import path from 'node:path';
import { Readable } from 'node:stream';
import type { DeskHandlers } from '../../../shared/contract';
import type { emailChannels } from '../../../shared/channels/email';
import { DeskError } from '../../../shared/errors';
import { emailFieldChecks } from '../../../shared/email/merge';
import { withBillConfidence } from '../../../shared/check/confidence';
import { billOcrWords } from '../../../shared/check/eval';
import type { ServiceDeps } from '../service';
import { profilesOrNone } from '../learned';
import { saveUpload, uploadInfo } from '../uploads';
import { EMAIL_LIMITS } from '../email/limits';
import { BILL_MIME, LIMITS, sniffKind } from '../intake/sniff';
import { readWithin } from '../read-within';

type Ref = { path?: string | undefined; uploadId?: string | undefined };

export function emailHandlers(deps: ServiceDeps): Pick<DeskHandlers, keyof typeof emailChannels> {
  const resolve = (ref: Ref) => {
    const up = ref.uploadId ? uploadInfo(deps.dataDir, ref.uploadId) : null;
    return { file: up?.path ?? ref.path!, name: up?.name ?? path.basename(ref.path!) };
  };
  const read = async (ref: Ref, max: number, what: string) => {
    const { file, name } = resolve(ref);
    return { bytes: await readWithin(file, name, max, what), name };
  };
  const stage = (bytes: Buffer, name: string, mime: string) =>
    saveUpload(deps.dataDir, Readable.from([bytes]), { name, mime, maxBytes: EMAIL_LIMITS.maxBytes });

  return {
    'intake:readEmail': async (args, ctx) => {
      const { bytes, name } = await read(args, EMAIL_LIMITS.maxBytes, 'emails');
      const jobId = args.jobId ?? `email-${Date.now()}`;
      const { intakeEmail } = await import('../email/intake');
      const res = await intakeEmail(bytes, {
        name,
        profiles: await profilesOrNone(deps.store, deps.log),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onProgress: (p) => {
          const ev = { type: 'progress' as const, jobId, stage: p.stage, done: p.done, total: p.total };
          deps.broadcast(ev);
          ctx.emit?.(ev);
        },
      });
      const emailUpload = args.uploadId
        ? args.uploadId
        : (
            await stage(
              bytes,
              name,
              res.mail.format === 'msg' ? 'application/vnd.ms-outlook' : 'message/rfc822',
            )
          ).uploadId;
      const attachments = [];
      for (const [i, a] of res.attachments.entries()) {
        const up = await stage(a.bytes, a.name.split(' › ').pop()!, a.mime);
        attachments.push({
          name: a.name,
          kind: a.kind,
          chosen: i === res.chosen,
          size: a.bytes.length,
          mime: a.mime,
          note: a.note,
          uploadId: up.uploadId,
        });
      }
      const bill = res.bill;
      return {
        email: {
          format: res.mail.format,
          from: res.mail.from,
          subject: res.mail.subject,
          date: res.mail.date?.toISOString() ?? null,
          uploadId: emailUpload,
          filename: name,
        },
        request: res.reading.request,
        sources: res.reading.sources,
        attachments,
        bill: bill && {
          extraction: bill.extraction,
          pages: bill.pages.map((p) => ({
            page: p.page,
            width: p.width,
            height: p.height,
            source: p.source,
          })),
          rendition: bill.renditionHint,
          warnings: bill.warnings,
        },
        checks: bill
          ? withBillConfidence(
              emailFieldChecks(
                bill.extraction.fields,
                res.reading.request,
                billOcrWords(bill.extraction.meta),
              ),
              bill.extraction.meta,
            )
          : null,
        warnings: res.warnings,
      };
    },

    'intake:addDocument': async (args, ctx) => {
      await deps.store.getCase(args.caseId); // NOT_FOUND before any work
      const { bytes, name } = await read(args, EMAIL_LIMITS.maxBytes, 'documents');
      if (bytes.length === 0) throw new DeskError('BAD_INPUT_FILE', `${name} is empty (0 bytes)`);
      const { looksLikeMsg } = await import('../email/msg');
      const { looksLikeEml } = await import('../email/eml');
      let mime = 'application/octet-stream';
      if (looksLikeMsg(bytes) && /\.msg$/i.test(name)) mime = 'application/vnd.ms-outlook';
      else if (looksLikeEml(bytes)) mime = 'message/rfc822';
      else {
        try {
          mime = BILL_MIME[sniffKind(bytes, name)];
        } catch {
          /* kept as it is: a document need not be a bill */
        }
      }
      const blob = await deps.store.putBlob(bytes);
      const doc = await deps.store.addDocument(
        args.caseId,
        {
          sha256: blob.sha256,
          kind: 'other',
          filename: args.filename ?? name,
          mime,
          size: bytes.length,
          pages: null,
        },
        ctx.actor,
      );
      const c = await deps.store.getCase(args.caseId);
      deps.broadcast({ type: 'case-changed', caseId: c.id, version: c.version });
      return doc;
    },

    'intake:previewBytes': async (args) => {
      const { bytes, name } = await read(args, LIMITS.maxBytes, 'bills');
      return { mime: BILL_MIME[sniffKind(bytes, name)], filename: name, base64: bytes.toString('base64') };
    },

    'intake:previewPage': async (args) => {
      const { bytes, name } = await read(args, LIMITS.maxBytes, 'bills');
      const { renderPageImage } = await import('../intake/page-image');
      return renderPageImage(bytes, { page: args.page, rotate: args.rotate, name });
    },
  };
}
