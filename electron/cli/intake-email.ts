// `desk intake <message.eml|message.msg> [--request r.json] --json`: the bill file's output
// (fields and checks, from the bill the email carries) plus what the email itself says:
// { fields, checks, email: { from, subject, date }, request, attachments, warnings }.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BillFields } from '../../shared/domain';
import type { PortRequest } from '../../shared/request';
import type { BodyRequest } from '../../shared/email/request-text';
import type { EvalVerdicts } from '../../shared/check/eval';
import { DeskError } from '../../shared/errors';
import type { CarrierProfile } from '../../shared/extract/learn';

export interface EmailOutput {
  fields: BillFields | null;
  checks: EvalVerdicts | null;
  email: { from: string; subject: string; date: string | null };
  request: BodyRequest;
  attachments: { name: string; kind: 'bill' | 'other'; chosen: boolean; note?: string }[];
  warnings: string[];
}

export async function readEmailForCli(
  file: string,
  req: PortRequest | null,
  profiles: readonly CarrierProfile[] = [],
): Promise<EmailOutput> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new DeskError('BAD_INPUT_FILE', `${path.basename(file)} was not found or cannot be read`);
  }
  const [{ intakeEmail }, { overRequest, emailFieldChecks }, { toVerdicts, billOcrWords }] =
    await Promise.all([
      import('../desk/email/intake'),
      import('../../shared/email/merge'),
      import('../../shared/check/eval'),
    ]);
  const res = await intakeEmail(bytes, { name: path.basename(file), profiles });
  const fields = res.bill?.extraction.fields ?? null;
  const asked = overRequest(res.reading.request, req);
  const from = res.mail.from;
  return {
    fields,
    checks: fields
      ? toVerdicts(emailFieldChecks(fields, asked, billOcrWords(res.bill?.extraction.meta)))
      : null,
    email: {
      from: from
        ? from.name && from.address
          ? `${from.name} <${from.address}>`
          : from.address || from.name
        : '',
      subject: res.mail.subject,
      date: res.mail.date?.toISOString() ?? null,
    },
    request: res.reading.request,
    attachments: res.attachments.map((a, i) => ({
      name: a.name,
      kind: a.kind,
      chosen: i === res.chosen,
      ...(a.note ? { note: a.note } : {}),
    })),
    warnings: res.warnings,
  };
}
