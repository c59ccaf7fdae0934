// Generates synthetic carrier bills with ground truth and port requests.
// npx tsx scripts/make-bills/index.ts --out DIR [--seed 7] [--count 52] [--prefix fx] (--help: all options)
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Doc } from './draw';
import { makeBill, truthOf } from './model';
import { DISCREPANCIES, expectedOf, makeRequest, possible, type Discrepancy } from './request';
import { drawMarks, type Marks } from './marks';
import { joinStatements, previousStatement, type TwoMonths } from './months';
import { addSlug, drawMailpiece, type Mailpiece } from './mailpiece';
import { PAPER, RENDITIONS, renditionFor } from './plan';
import { Rng } from './rng';
import { faxHeader, faxHeaderLine, makeFaxHeader } from './templates/business';
import type { Made } from './render';
import { stampLines } from './stamp';
import { dropUnicodeMaps } from './unmapped-fonts';
import { formValues } from './form-fill';
import { producerFor, isProducer } from './producer-pick';
import type { Producer } from './producers';
import { turnedPages } from './turned-pages';
import { dbaName } from './templates/heron';
import { TEMPLATES } from './templates/index';
import type { Template } from './templates/types';

const USAGE = `usage: npx tsx scripts/make-bills/index.ts --out DIR [--seed N] [--count N] [--prefix P]
         [--suite classic|business|all] [--templates id,id] [--renditions r,r] [--rotation 1|2] [--marks] [--two-months] [--mailpiece]
  --out         folder for the bills, truth/ and requests/ (required: the committed sets live in
                test/fixtures, and a run without it must not overwrite them)
  --seed        random seed (default 7)
  --count       number of bills (default 52)
  --prefix      bill id prefix (default fx)
  --suite       template suite (default all)
  --templates   only these template ids
  --renditions  only these renditions: ${RENDITIONS.join(', ')}
  --rotation    2 (default): each template meets text and pictures in turn, clean and discrepant
                requests on both; 1: the rotation the committed fixture sets were made with
  --marks       opt-in: the customer's marks on every bill (highlighter, pen circles or ticks, a
                handwritten note with their own number, a PAID stamp), from a stream of their own
  --two-months  opt-in: every bill printed with the statement of the month before it, in one PDF
                (in either order; the truth is the newer statement's), from a stream of its own
  --mailpiece   opt-in: the print vendor's mail-piece marks on every bill (an Intelligent Mail
                barcode, presort and endorsement lines, OMR dashes, a 2D code, a job slug outside
                the crop box), from a stream of its own`;

/** The command line, checked: a typo must stop the run, not write a different set. */
function parseCommandLine(): {
  out: string;
  seed: number;
  count: number;
  prefix: string;
  onlyTemplates: string[];
  suite: string;
  allowed: string[];
  rotation: 1 | 2;
  marks: boolean;
  twoMonths: boolean;
  mailpiece: boolean;
} {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        seed: { type: 'string', default: '7' },
        count: { type: 'string', default: '52' },
        prefix: { type: 'string', default: 'fx' },
        templates: { type: 'string', default: '' },
        suite: { type: 'string', default: 'all' },
        renditions: { type: 'string', default: PAPER.join(',') },
        rotation: { type: 'string', default: '2' },
        marks: { type: 'boolean', default: false },
        'two-months': { type: 'boolean', default: false },
        mailpiece: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const fail = (msg: string): never => {
    console.error(`${msg}\n${USAGE}`);
    process.exit(2);
  };
  if (!values.out) fail('--out is required');
  const seed = Number(values.seed);
  const count = Number(values.count);
  if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}"`);
  if (!Number.isInteger(count) || count < 1)
    fail(`--count must be a whole number above 0, not "${values.count}"`);
  if (values.rotation !== '1' && values.rotation !== '2')
    fail(`--rotation must be 1 or 2, not "${values.rotation}"`);
  const allowed = values.renditions.split(',').filter(Boolean);
  const unknown = allowed.filter((r) => !(RENDITIONS as readonly string[]).includes(r));
  if (unknown.length || !allowed.length) fail(`unknown rendition "${unknown.join(',')}"`);
  return {
    out: path.resolve(values.out!),
    seed,
    count,
    prefix: values.prefix,
    onlyTemplates: values.templates.split(',').filter(Boolean),
    suite: values.suite,
    allowed,
    rotation: values.rotation === '1' ? 1 : 2,
    marks: values.marks,
    twoMonths: values['two-months'],
    mailpiece: values.mailpiece,
  };
}

const { out, seed, count, prefix, onlyTemplates, suite, allowed, rotation, marks, twoMonths, mailpiece } =
  parseCommandLine();

/**
 * Where bill i stands: its template, its slot of the rendition cycle, and the discrepancy its
 * request plants (null: a clean request).
 *
 * Rotation 2: bill i is template j's pass p. Each pass takes the cycle one slot further on, so
 * over two passes a template is read once as text and once as a picture, and over ten it meets
 * every slot, whatever the number of templates. (A rotation tied to the cycle's own period left
 * the templates that came once in a 68-bill run of 34 on text slots on every seed.) Requests come
 * clean and discrepant in pairs (c, c, d, d, …): alternating them with the cycle's alternating
 * text and pictures would make every clean bill a text PDF, leaving false alarms on scans and
 * photos unmeasured. Discrepancy kinds are taken in turn.
 *
 * Rotation 1 (the committed sets'): bill i on slot i, the templates stepping on by one every ten
 * bills when their number shared a factor with ten, odd bills clean.
 */
function placeOf(
  i: number,
  templates: readonly Template[],
): { template: Template; slot: number; disc: Discrepancy | null } {
  const n = templates.length;
  const kind = (k: number) => DISCREPANCIES[k % DISCREPANCIES.length]!;
  if (rotation === 1) {
    const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
    const step = gcd(n, 10) > 1 ? Math.floor(i / 10) : 0;
    return { template: templates[(i + step) % n]!, slot: i, disc: i % 2 === 0 ? null : kind(i >> 1) };
  }
  const j = i % n;
  // the discrepant bills are 2, 3, 6, 7, …: bill i is the ((i >> 2) * 2 + (i & 1))th of them
  const disc = (i >> 1) % 2 === 0 ? null : kind(((i >> 2) << 1) | (i & 1));
  return { template: templates[j]!, slot: j + Math.floor(i / n), disc };
}

/**
 * Bill `i`'s file in its rendition, from its text PDF: the text renditions keep the PDF (with
 * what the rendition changes in it), the others render it to pictures (render.ts). `r` is the
 * bill's stream: only rendering draws from it.
 */
async function renditionFile(
  rendition: string,
  pdf: Uint8Array,
  pages: number,
  producer: Producer | undefined,
  seed: number,
  i: number,
  r: Rng,
): Promise<Made> {
  if (rendition === 'cid-pdf')
    return { data: await dropUnicodeMaps(pdf), ext: 'pdf', render: { unmappedFonts: true } };
  if (rendition === 'form-pdf') return { data: pdf, ext: 'pdf', render: { formFields: true } };
  if (producer && isProducer(rendition)) return { data: pdf, ext: 'pdf', render: producer.render };
  if (rendition === 'rotate-pdf') {
    const turned = await turnedPages(
      pdf,
      new Rng((Math.imul(seed, 2246822519) ^ (i * 69069 + 0x726f7461)) >>> 0),
    );
    return { ...turned, ext: 'pdf' };
  }
  const { renderRendition } = await import('./render');
  const kind =
    rendition === 'photo' && pages > 1 ? 'photo-pages' : rendition === 'efax-pdf' ? 'scan-pdf' : rendition;
  return renderRendition(kind, pdf, pages, r.fork(4));
}

async function main(): Promise<void> {
  if (!['classic', 'business', 'all'].includes(suite))
    throw new Error(`--suite must be classic, business or all`);
  const inSuite = TEMPLATES.filter((t) => suite === 'all' || (t.suite ?? 'classic') === suite);
  const templates = onlyTemplates.length ? inSuite.filter((t) => onlyTemplates.includes(t.id)) : inSuite;
  if (!templates.length) throw new Error(`no template matches ${onlyTemplates.join(',')}`);
  fs.mkdirSync(path.join(out, 'truth'), { recursive: true });
  fs.mkdirSync(path.join(out, 'requests'), { recursive: true });
  const root = new Rng(seed);
  const counts: Record<string, number> = {};
  let bytes = 0;
  let faxPending = false;
  let mixedDone = false;
  for (let i = 0; i < count; i++) {
    // The order of the forks below is what streams.ts replays for the regression tests.
    const r = root.fork(i);
    const { template: t, slot, disc: planted } = placeOf(i, templates);
    const id = `${prefix}-${String(i + 1).padStart(3, '0')}`;
    const bill = makeBill(r.fork(1), {
      id,
      template: t.id,
      carrier: t.carrier,
      kind: t.kind,
      acctStyle: t.acctStyle,
      acctPrefix: t.acctPrefix ?? 'AC',
      businessShare: t.businessShare,
      lineRange: t.lineRange,
      disconnectedShare: t.disconnectedShare,
      remit: t.remit,
      numbering: t.numbering ?? 'classic',
      locale: t.locale ?? 'us',
    });
    // A transfer PIN of its own length, drawn from a stream of its own (only these templates fork it).
    if (t.pinDigits) {
      const rp = r.fork(7);
      bill.pin = `${rp.int(1, 9)}${rp.digits(rp.int(t.pinDigits[0], t.pinDigits[1]) - 1)}`;
    }
    // A legal name with a trade name, from a stream of its own (only these templates fork it).
    if (t.dbaNames) {
      const n = dbaName(r.fork(9));
      bill.accountName = n.printed;
      bill.aliases = [n.legal, n.trade];
      bill.nameLines = n.twoLines ? [n.legal, `DBA ${n.trade}`] : [n.printed];
    }
    // The month before, from a stream of its own (it may list a line on the newer statement as
    // disconnected since, so it comes before the newer one is drawn). A phone screen has no months.
    const months: TwoMonths | null =
      twoMonths && !t.screen
        ? previousStatement(bill, new Rng((Math.imul(seed, 2246822519) ^ (i * 48271 + 0x6d6f6e74)) >>> 0))
        : null;
    // A print-stream PDF is drawn with embedded fonts from the start (the same layout, glyph for
    // glyph); its rendition is the slot's, whatever the page count.
    const slotRendition = t.screen ? null : renditionFor(i, slot, allowed, rotation);
    // typographic characters need fonts that have them, and outlines fonts that give them: the
    // Liberation fonts, their maps kept
    const unmapped =
      slotRendition === 'cid-pdf' || slotRendition === 'typeset-pdf' || slotRendition === 'outline-pdf';
    const filled = slotRendition === 'form-pdf' ? formValues(bill) : undefined;
    // a producer's own choices come from a stream of its own, so the bill is the text-pdf's bill
    const producerOf = (): Producer | undefined =>
      slotRendition ? producerFor(slotRendition, seed, i) : undefined;
    const producer = producerOf();
    const doc = await Doc.create(t.family, t.alt, `${t.carrier} statement`, t.carrier, {
      unmapped,
      filled,
      producer,
    });
    const rd = r.fork(2);
    // the older statement is the same layout: drawn from a copy of the newer one's stream
    const rdOld = Object.assign(Object.create(Object.getPrototypeOf(rd) as object) as Rng, rd);
    t.draw(doc, bill, rd);
    let docOld: Doc | null = null;
    if (months) {
      docOld = await Doc.create(t.family, t.alt, `${t.carrier} statement`, t.carrier, {
        unmapped,
        filled,
        producer: producerOf(),
      });
      t.draw(docOld, months.older, rdOld);
    }
    const pages = doc.pages.length + (docOld?.pages.length ?? 0);
    let rendition = renditionFor(i, slot, allowed, rotation);
    // A phone screen is a screenshot whatever the cycle says; its "photo" is one of the screen.
    if (t.screen) rendition = rendition === 'photo' ? 'screen-photo' : 'screenshot';
    // The fax case is only interesting with several pages: hold it until a multi-page bill comes up.
    // A photo shows page 1 only, so photograph one-page bills; the truth must be visible in the file.
    // Business-suite bills of several pages are photographed page by page with a phone's
    // scanning app instead (one PDF of photos).
    const business = t.suite === 'business';
    if (rendition === 'photo' && pages > 1 && !business) rendition = 'scan-pdf';
    // A bill the customer faxed in arrives as the fax machine printed it half the time a scan would.
    if (t.faxCover && rendition === 'scan-pdf' && allowed.includes('fax-tiff') && r.fork(8).chance(0.5))
      rendition = 'fax-tiff';
    if (rendition === 'fax-tiff' && pages < 2) {
      faxPending = true;
      rendition = 'text-pdf';
    } else if (faxPending && pages > 1) {
      faxPending = false;
      rendition = 'fax-tiff';
    } else if (
      i >= 20 &&
      !mixedDone &&
      pages > 1 &&
      rendition === 'text-pdf' &&
      allowed.includes('mixed-pdf')
    ) {
      // one PDF whose page 1 has text and whose later pages are scans, as after a "scan and append"
      mixedDone = true;
      rendition = 'mixed-pdf';
    }
    // Business-suite bills sometimes arrive faxed (always, as a fax TIFF): the machine's header
    // line on top of every page.
    let fax: ReturnType<typeof makeFaxHeader> | null = null;
    if (t.faxShare !== undefined) {
      const rf = r.fork(6);
      if (rendition === 'fax-tiff' || rf.chance(t.faxShare)) {
        fax = makeFaxHeader(rf, bill);
        faxHeader(doc, fax);
        if (docOld) faxHeader(docOld, fax);
      }
    }
    // An e-fax service's PDF: the scan with the service's header written over it as text, from a
    // stream of its own (the scan's noise is the plain scan's)
    const efax =
      rendition === 'efax-pdf' && !fax
        ? makeFaxHeader(new Rng((Math.imul(seed, 2246822519) ^ (i * 40503 + 0x65666178)) >>> 0), bill)
        : null;
    if (efax) fax = efax;
    // The customer's marks, from a stream of their own that takes nothing from the bill's: with
    // --marks a seed gives the same bills, scanned with the same noise, marked.
    let marked: Marks | null = null;
    // (a shuffled producer draws its held-back strings now: the marks go on top of them)
    doc.flushText();
    docOld?.flushText();
    // The print vendor's mail-piece marks, from a stream of their own, under the customer's marks
    // (the vendor printed the bill before the customer wrote on it). A phone screen was never mailed.
    const mailed: Mailpiece | null =
      mailpiece && !t.screen
        ? drawMailpiece(doc, bill, new Rng((Math.imul(seed, 2654435761) ^ (i * 69069 + 0x6d61696c)) >>> 0))
        : null;
    if (marks && !t.screen)
      marked = drawMarks(doc, bill, new Rng((Math.imul(seed, 2654435761) ^ (i * 40503 + 0x6d61726b)) >>> 0));
    const joined = !docOld
      ? await doc.save()
      : months!.newerFirst
        ? await joinStatements(await doc.save(), await docOld.save())
        : await joinStatements(await docOld.save(), await doc.save());
    // the job slug in the bleed outside the crop box; not on pages a later step re-lays (a
    // /Rotate's turned media, a 2-up sheet), whose boxes it would have to carry over
    const slugged = mailed && !['rotate-pdf', 'two-up-pdf', 'two-up-scan'].includes(rendition);
    const pdf = slugged ? await addSlug(joined, mailed.slug, { unmapped: rendition === 'cid-pdf' }) : joined;
    const made = await renditionFile(rendition, pdf, pages, producer, seed, i, r);
    // (a bill whose template faxed it already has the machine's header in its pixels)
    if (efax) {
      made.data = await stampLines(made.data, (k, n) => faxHeaderLine(efax, k, n));
      made.render = { ...made.render, efaxHeader: true };
    }
    const file = `${id}.${made.ext}`;
    fs.writeFileSync(path.join(out, file), made.data);
    bytes += made.data.length;
    const rq = r.fork(5);
    let disc = planted;
    if (disc && !possible(bill, disc)) disc = 'street-number';
    // a document with no bill date cannot be stale: that request asks for a number not on it
    if (disc === 'stale-bill' && t.noBillDate) disc = 'number-not-on-bill';
    // a bill that shows the account only masked has no account number to read: the request (the
    // customer's) still names it, and a digit changed in it cannot show on the bill
    if (disc === 'account-number-digit' && bill.accountMasked) disc = 'number-not-on-bill';
    const truth = {
      ...truthOf(bill),
      ...(t.noBillDate ? { billDate: null } : {}),
      ...(bill.accountMasked ? { accountNumber: null } : {}),
    };
    const req = makeRequest(rq, bill, disc);
    const expected = expectedOf(truth, req, disc, bill.aliases);
    const rec = {
      id,
      template: t.id,
      set: 'fixtures',
      rendition,
      file,
      pages: made.pages ?? pages,
      accountType: bill.accountType,
      render: made.render,
      truth,
      expected,
      notes: {
        layout: t.layout,
        disconnected: bill.disconnected,
        mailingDiffers: bill.mailingDiffers,
        ...(bill.blocks.length
          ? { didBlocks: bill.blocks.map((k) => ({ first: k.first, count: k.count })) }
          : {}),
        ...(fax ? { faxHeaderFrom: fax.from } : {}),
        ...(marked ? { marks: marked } : {}),
        ...(mailed
          ? {
              mailpiece: {
                ...mailed,
                kinds: slugged ? mailed.kinds : mailed.kinds.filter((k) => k !== 'slug'),
              },
            }
          : {}),
        ...(months
          ? {
              twoMonths: {
                olderBillDate: months.older.billDate.toISOString().slice(0, 10),
                newerFirst: months.newerFirst,
                newerPages: doc.pages.length,
                ...(months.droppedLine ? { droppedLine: months.droppedLine } : {}),
                ...(months.addedLine ? { addedLine: months.addedLine } : {}),
              },
            }
          : {}),
      },
    };
    fs.writeFileSync(path.join(out, 'truth', `${id}.json`), JSON.stringify(rec, null, 2) + '\n');
    fs.writeFileSync(path.join(out, 'requests', `${id}.json`), JSON.stringify(req, null, 2) + '\n');
    counts[rendition] = (counts[rendition] ?? 0) + 1;
    process.stderr.write(
      `${id} ${t.id.padEnd(24)} ${rendition.padEnd(10)} ${pages}p ${(made.data.length / 1024).toFixed(0)} KB ${disc ?? 'clean'}\n`,
    );
  }
  process.stderr.write(
    `${count} bills, ${JSON.stringify(counts)}, ${(bytes / 1048576).toFixed(2)} MB in ${out}\n`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
