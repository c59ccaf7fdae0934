// `desk packet <case-id> --out <dir>`: export a stored case's packet.
// `desk packet --request <request.json> --bill <file> --out <dir>`: one shot, no stored case; the
// bill is read by intake (its numbers complete Attachment A) and checked for the cover sheet.
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../cli';
import { DeskError } from '../../shared/errors';
import type { BillFields } from '../../shared/domain';
import type { Signature } from '../../shared/channels/packet';
import { parseRequestJson, requestToCaseInput } from '../../shared/request';
import { defaultSettings, type Settings } from '../../shared/settings';
import { defaultDataDir, dbPath } from '../desk/paths';
import { cliActor, parseCli, parseId, withDesk } from './cases';
import { warmOcrForPictures } from './warm-ocr';

export const usage =
  'packet <case-id> --out <dir> [--sign <name>]  |  packet --request <request.json> --bill <file> --out <dir> ' +
  '[--signer <name>] [--signer-title <t>] [--signer-email <e>] [--signer-phone <p>] [--carrier <name>] [--new-btn <n>] [--sign <name>]';

const OPTIONS = {
  out: { type: 'string' },
  request: { type: 'string' },
  bill: { type: 'string' },
  sign: { type: 'string' },
  signer: { type: 'string' },
  'signer-title': { type: 'string' },
  'signer-email': { type: 'string' },
  'signer-phone': { type: 'string' },
  carrier: { type: 'string' },
  'new-btn': { type: 'string' },
} as const;

/** Which flag fixes which missing field, so a CLI user gets an actionable line. */
const FLAG_FOR: Record<string, string> = {
  'authorized.name': '--signer',
  'customer.losingCarrier': '--carrier',
  newBtn: '--new-btn',
};

function readFile(file: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DeskError(
      'BAD_ARGUMENT',
      code === 'ENOENT' ? `${what} ${file} was not found` : `${what} ${file} cannot be read (${code})`,
    );
  }
}

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** Settings from the desk's data folder when it has one; the one-shot never creates a store. */
async function settingsForOneShot(): Promise<Settings> {
  if (!fs.existsSync(dbPath(defaultDataDir()))) return defaultSettings();
  const { readSettings } = await import('../desk/packet/settings-store');
  return withDesk(async (desk) => readSettings(desk.deps.store));
}

async function oneShot(
  values: Record<string, string | undefined>,
  out: string,
  signature: Signature | undefined,
  io: CliIo,
) {
  warmOcrForPictures([values.bill!]);
  const { buildPacket } = await import('../desk/packet/build');
  const { writePacket } = await import('../desk/packet/write');
  const { runChecks } = await import('../../shared/check/run');
  const { checkRows } = await import('../desk/packet/case-input');
  const req = parseRequestJson(readFile(values.request!, 'request file').toString('utf8'));
  const billBytes = readFile(values.bill!, 'bill file');
  const pipeline = await import('../desk/intake/pipeline');
  const { extractBill } = await import('../../shared/extract');
  const words = await pipeline.readBillWords(new Uint8Array(billBytes));
  const fields: BillFields = extractBill(words.pages).fields;
  const input = requestToCaseInput(req, fields);
  input.authorized = {
    name: values.signer ?? '',
    title: values['signer-title'] ?? '',
    email: values['signer-email'] ?? '',
    phone: values['signer-phone'] ?? '',
  };
  if (values.carrier) input.customer.losingCarrier = values.carrier;
  if (values['new-btn']) {
    const d = values['new-btn'].replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    if (d.length !== 10)
      throw new DeskError('BAD_ARGUMENT', `--new-btn ${values['new-btn']} is not a 10-digit number`);
    input.newBtn = d;
  }
  const report = runChecks({
    caseId: null,
    input,
    bill: fields,
    asOf: req.asOf,
    ranAt: new Date().toISOString(),
  });
  const checks = checkRows(report);
  const settings = await settingsForOneShot();
  const ext = path.extname(values.bill!).toLowerCase();
  try {
    const built = await buildPacket({
      kase: { ...input, id: 0 },
      profile: settings.deskProfile,
      portingInbox: settings.email.portingInbox,
      fromAddress: settings.email.smtp.from || settings.deskProfile.email,
      billNumbers: fields.numbers,
      bill: [
        {
          name: path.basename(values.bill!),
          mime: MIME[ext] ?? 'application/octet-stream',
          bytes: billBytes,
        },
      ],
      checks: checks.rows,
      readiness: checks.readiness,
      findings: checks.findings,
      signature,
      now: new Date(),
    });
    const w = await writePacket(out, built);
    io.out(`Readiness: ${report.readiness.readiness} (${report.readiness.summary})\n`);
    return w;
  } catch (err) {
    if (err instanceof DeskError && err.issues) {
      const hints = err.issues.map((i) =>
        FLAG_FOR[i.path] ? `${i.message} (${FLAG_FOR[i.path]})` : i.message,
      );
      throw new DeskError(err.code, `The request is missing: ${hints.join('; ')}.`, err.issues);
    }
    throw err;
  }
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCli(argv, OPTIONS, usage);
  if (!values.out) throw new DeskError('BAD_ARGUMENT', `Missing --out <dir> (usage: desk ${usage})`);
  const signature: Signature | undefined = values.sign ? { kind: 'typed', name: values.sign } : undefined;
  let written: { dir: string; zip: string; eml: string; files: string[] };
  if (values.request || values.bill) {
    if (!values.request || !values.bill)
      throw new DeskError('BAD_ARGUMENT', 'A one-shot packet needs both --request and --bill.');
    if (positionals.length)
      throw new DeskError('BAD_ARGUMENT', 'Give a case id or --request/--bill, not both.');
    written = await oneShot(values, values.out, signature, io);
  } else {
    const caseId = parseId(positionals[0]);
    const { exportCase } = await import('../desk/packet');
    written = await withDesk(async (desk) => {
      const r = await exportCase(desk.deps, { caseId, outDir: values.out, signature }, { actor: cliActor() });
      io.out(`Case #${caseId} is now ${r.status.replace('_', ' ')}.\n`);
      return r;
    });
  }
  io.out(`Packet folder: ${written.dir}\n`);
  for (const f of written.files) io.out(`  ${path.basename(f)}\n`);
  io.out(`Zip:   ${written.zip}\nEmail: ${written.eml}\n`);
  return 0;
}
