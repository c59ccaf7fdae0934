// `desk intake <bill> [--request r.json] --json` and `desk intake <bills…> --jsonl`.
// Prints the scorer's format (shared/eval/README.md) and nothing else on stdout. One-shot intake
// never opens the case store, and the heavy modules (pdfjs, sharp, tesseract) load only when a
// bill needs them.
import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIo } from '../cli';
import type { BillFields, FieldDoubt } from '../../shared/domain';
import type { FieldSources } from '../../shared/extract/learn';
import { DeskError } from '../../shared/errors';
import { warmOcrForPictures } from './warm-ocr';

export const usage =
  'intake <bill-file|message.eml|message.msg> [--request <request.json>] --json | intake <files…> [--request r.json] --jsonl';

interface EvalOutput {
  file?: string;
  fields: (BillFields & { fieldSources?: FieldSources; fieldDoubts?: Record<string, FieldDoubt[]> }) | null;
  checks?: unknown;
  /** the learned carrier profile the bill was recognised as, or null */
  learned?: { profileId: string; carrier: string } | null;
  /** what the reading wants the agent to know (a page turned, a PDF read as pictures); absent when nothing */
  warnings?: string[];
  error?: string;
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        request: { type: 'string', short: 'r' },
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
      },
    });
  } catch (err) {
    throw new DeskError('BAD_ARGUMENT', (err as Error).message);
  }
  const files = parsed.positionals;
  const { request, jsonl } = parsed.values;
  if (files.length === 0) throw new DeskError('BAD_ARGUMENT', `no bill file given; usage: desk ${usage}`);
  if (files.length > 1 && !jsonl)
    throw new DeskError('BAD_ARGUMENT', 'several bill files need --jsonl (one JSON object per line)');

  warmOcrForPictures(files);
  // A PDF bill needs pdfjs, the biggest thing a one-shot intake loads: start it now, so its files
  // are read while the request and the extractor load. A failure surfaces where it is used.
  if (files.some((f) => /\.pdf$/i.test(f)))
    void import('../desk/intake/pdf-text').then((m) => m.loadPdfJs()).catch(() => undefined);
  const req = request ? await loadRequest(request) : null;
  // (the checks, and the schemas they load, only when there is a request to check against)
  const [{ intakeBill }, { closeSharedOcrPool }, checking, { profilesForIntake }] = await Promise.all([
    import('../desk/intake/bill'),
    import('../desk/intake/ocr-pool'),
    req ? import('../../shared/check/eval') : null,
    import('../desk/learned'),
  ]);
  // what the desk learned from agents' corrections (desk teach, or Correct in the app)
  const profiles = await profilesForIntake(io.err);
  const one = async (file: string): Promise<EvalOutput> => {
    // An email (.eml, .msg) is read for its bill and for the request its text makes.
    if (/\.(eml|msg)$/i.test(file))
      return (await import('./intake-email')).readEmailForCli(file, req, profiles);
    const res = await intakeBill(file, { name: path.basename(file), profiles });
    const x = res.extraction;
    // what an agent should check, per field that has something (a clean reading lists nothing)
    const fieldDoubts = Object.fromEntries(
      Object.entries(x.meta).flatMap(([k, m]) => (m.doubts?.length ? [[k, m.doubts]] : [])),
    );
    const fields = { ...x.fields, fieldSources: x.sources as FieldSources, fieldDoubts };
    const warnings = res.warnings.length ? { warnings: res.warnings } : {};
    return req && checking
      ? {
          fields,
          checks: checking.evalChecks(x.fields, req, checking.billOcrWords(x.meta)),
          learned: x.learned ?? null,
          ...warnings,
        }
      : { fields, learned: x.learned ?? null, ...warnings };
  };
  try {
    if (!jsonl) {
      io.out(JSON.stringify(await one(files[0]!)) + '\n');
      return 0;
    }
    let failed = 0;
    for (const file of files) {
      try {
        io.out(JSON.stringify({ file, ...(await one(file)) }) + '\n');
      } catch (err) {
        failed++;
        const msg = err instanceof Error ? err.message : String(err);
        io.out(JSON.stringify({ file, error: msg.split('\n')[0] }) + '\n');
        io.err(`error: ${path.basename(file)}: ${msg.split('\n')[0]}\n`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await closeSharedOcrPool();
  }
}

async function loadRequest(file: string) {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    throw new DeskError('BAD_ARGUMENT', `request file ${file} cannot be read`);
  }
  const { parseRequestJson } = await import('../../shared/request');
  return parseRequestJson(text, path.basename(file, '.json'));
}
