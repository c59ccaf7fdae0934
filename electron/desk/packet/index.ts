// The packet service: export (build + write + status), send (SMTP, recorded as an event) and the
// signed LOA coming back. Used by the handlers and the CLI; no Electron, no IPC here.
import fs from 'node:fs/promises';
import path from 'node:path';
import { DeskError } from '../../../shared/errors';
import { canTransition } from '../../../shared/status';
import type { CallContext } from '../../../shared/contract';
import type { ExportResult, SendResult, Signature } from '../../../shared/channels/packet';
import type { Store } from '../store';
import type { SecretBox } from '../secrets';
import { buildPacket, type Progress } from './build';
import { writePacket, type WrittenPacket } from './write';
import { packetInputFromStore } from './case-input';
import { readSettings, smtpPassword } from './settings-store';
import { sendRaw, type SmtpConfig } from './smtp';
import { numberLines, toPort } from './model';

export interface PacketDeps {
  store: Store;
  dataDir: string;
  secrets: SecretBox;
  /** B's browser-host download registry; absent under Electron and the CLI. */
  registerDownload?: (filePath: string, name: string, mime: string) => string;
  /** Test hook: SMTP timeouts. */
  smtpTimeouts?: SmtpConfig['timeouts'];
  now?: () => Date;
}

export const defaultExportDir = (dataDir: string): string => path.join(dataDir, 'exports');

function progressFor(ctx: CallContext | undefined, caseId: number): Progress {
  const jobId = `packet-${caseId}-${Date.now().toString(36)}`;
  return (stage, done, total) => ctx?.emit?.({ type: 'progress', jobId, stage, done, total });
}

export async function exportCase(
  deps: PacketDeps,
  args: { caseId: number; signature?: Signature; outDir?: string },
  ctx?: CallContext,
): Promise<ExportResult & { written: WrittenPacket; raw: Buffer }> {
  const actor = ctx?.actor ?? 'desk';
  const input = await packetInputFromStore(deps, args.caseId, args.signature, deps.now?.() ?? new Date());
  const built = await buildPacket(input, progressFor(ctx, args.caseId));
  const written = await writePacket(args.outDir ?? defaultExportDir(deps.dataDir), built);

  // Unsigned: the LOA goes out for e-signature. Signed in the app: the LOA is signed, which is
  // what Port Submitted means. Either move only when the state machine allows it from here.
  let kase = await deps.store.getCase(args.caseId);
  const target = args.signature ? 'port_submitted' : 'waiting_signature';
  if (kase.status !== target && canTransition(kase.status, target)) {
    kase = await deps.store.setStatus(args.caseId, target, actor, {
      reason: args.signature ? 'LOA signed in the desk' : 'LOA exported for signature',
    });
  }
  await deps.store.appendEvent(
    args.caseId,
    {
      kind: 'export',
      newValue: {
        dir: written.dir,
        zip: written.zip,
        eml: written.eml,
        signed: Boolean(args.signature),
        files: built.files.map((f) => f.name),
      },
      note: `Packet exported (${toPort(numberLines(input)).length} numbers to port, ${args.signature ? 'signed' : 'unsigned'})`,
    },
    actor,
  );
  const reg = deps.registerDownload;
  const dl = (file: string, mime: string): string | null =>
    reg ? reg(file, path.basename(file), mime) : null;
  return {
    dir: written.dir,
    zip: written.zip,
    eml: written.eml,
    pdf: written.pdf,
    files: written.files,
    downloads: {
      zip: dl(written.zip, 'application/zip'),
      eml: dl(written.eml, 'message/rfc822'),
      pdf: dl(written.pdf, 'application/pdf'),
    },
    signed: Boolean(args.signature),
    status: kase.status,
    written,
    raw: built.eml,
  };
}

export async function sendCase(
  deps: PacketDeps,
  args: { caseId: number; signature?: Signature; outDir?: string },
  ctx?: CallContext,
): Promise<{ export: ExportResult; send: SendResult }> {
  const actor = ctx?.actor ?? 'desk';
  const settings = await readSettings(deps.store);
  const smtp = settings.email.smtp;
  // Refuse before exporting: a send that cannot happen must not change the case's status.
  const missing: string[] = [];
  if (!settings.email.portingInbox) missing.push('the porting inbox');
  if (!smtp.host) missing.push('the SMTP server');
  const from = smtp.from || settings.deskProfile.email;
  if (!from) missing.push('a From address (SMTP from or the desk email)');
  if (missing.length)
    throw new DeskError(
      'BAD_ARGUMENT',
      `Email is not set up: enter ${missing.join(', ')} in Settings > Email.`,
    );
  const { written: _w, raw, ...exported } = await exportCase(deps, args, ctx);
  const cfg: SmtpConfig = {
    ...smtp,
    password: await smtpPassword(deps.store, deps.secrets),
    timeouts: deps.smtpTimeouts,
  };
  try {
    const send = await sendRaw(cfg, { from, to: [settings.email.portingInbox] }, raw);
    await deps.store.appendEvent(
      args.caseId,
      {
        kind: 'email',
        newValue: { ...send, to: settings.email.portingInbox },
        note: `Packet emailed to ${settings.email.portingInbox}`,
      },
      actor,
    );
    return { export: exported, send };
  } catch (err) {
    const e = err instanceof DeskError ? err : new DeskError('INTERNAL', String(err));
    await deps.store.appendEvent(
      args.caseId,
      {
        kind: 'email',
        newValue: { error: e.message, to: settings.email.portingInbox },
        note: `Email failed: ${e.message}`,
      },
      actor,
    );
    throw e;
  }
}

const isPdf = (b: Uint8Array): boolean => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8;

/** The signed LOA comes back: store its bytes content-addressed, record it, move to Port Submitted. */
export async function attachSignedLoa(
  deps: PacketDeps,
  args: { caseId: number; filePath: string; filename: string },
  ctx?: CallContext,
): Promise<{ documentId: number; sha256: string; status: ExportResult['status'] }> {
  const actor = ctx?.actor ?? 'desk';
  const kase = await deps.store.getCase(args.caseId);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(args.filePath);
  } catch (err) {
    throw new DeskError(
      'BAD_INPUT_FILE',
      `The signed LOA "${args.filename}" cannot be read: ${(err as Error).message}.`,
    );
  }
  const mime = isPdf(bytes)
    ? 'application/pdf'
    : isPng(bytes)
      ? 'image/png'
      : isJpeg(bytes)
        ? 'image/jpeg'
        : null;
  if (!mime)
    throw new DeskError(
      'BAD_INPUT_FILE',
      `The signed LOA "${args.filename}" is not a PDF, PNG or JPEG file.`,
    );
  if (kase.status !== 'port_submitted' && !canTransition(kase.status, 'port_submitted')) {
    throw new DeskError(
      'ILLEGAL_TRANSITION',
      `A signed LOA cannot be attached to a case in status "${kase.status}".`,
    );
  }
  const { sha256 } = await deps.store.putBlob(bytes);
  const doc = await deps.store.addDocument(
    args.caseId,
    { sha256, kind: 'signed_loa', filename: args.filename, mime, size: bytes.length, pages: null },
    actor,
  );
  const after =
    kase.status === 'port_submitted'
      ? kase
      : await deps.store.setStatus(args.caseId, 'port_submitted', actor, { reason: 'Signed LOA received' });
  return { documentId: doc.id, sha256, status: after.status };
}
