// `desk check` end to end through the CLI entry (request.json + --fields: no OCR needed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli';
import { openDesk } from '../../../electron/desk/service';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-check-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (name: string, body: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};

async function desk(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const request = {
  accountName: 'OKAFOR TAX SERVICE, PLLC',
  accountNumber: '816427063839',
  btn: '260.555.0179',
  serviceAddress: {
    line1: '523 HIGHLAND TERRACE STE 705',
    line2: null,
    city: 'Fort Wayne',
    state: 'IN',
    zip: '46892',
  },
  numbersToPort: ['260 555-0179', '260-555-0142'],
  asOf: '2025-07-01',
  requestedFocDate: '2025-07-10',
  accountType: 'business',
};
const fields = {
  carrier: 'Metro Cable',
  accountName: 'Okafor Tax Service, PLLC',
  accountNumber: '8164 2706 3839',
  btn: '2605550179',
  serviceAddress: {
    line1: '523 Highland Ter',
    line2: 'Ste 750',
    city: 'Fort Wayne',
    state: 'IN',
    zip: '46892',
  },
  billDate: '2025-06-25',
  numbers: ['2605550179', '2605550142', '2605550143'],
};

describe('desk check', () => {
  it('prints the eval verdicts and the full report as JSON', async () => {
    const r = await desk(
      'check',
      write('req.json', request),
      '--fields',
      write('fields.json', { fields }),
      '--json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.checks).toEqual({
      accountName: 'match',
      accountNumber: 'match',
      btn: 'match',
      serviceAddress: 'mismatch',
      numbersOnBill: 'match',
      billAge: 'ok',
    });
    expect(j.report.fields.find((f: { field: string }) => f.field === 'serviceAddress').reason).toContain(
      'suite 750 on the bill, 705 on the request',
    );
    expect(j.report.rules.map((x: { id: string }) => x.id)).toContain('numbers_remain');
  });

  it('prints every check with its reason as text', async () => {
    const r = await desk(
      'check',
      write('req.json', request),
      '--fields',
      write('fields.json', fields),
      '--as-of',
      '2025-08-30',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[FAIL\] serviceAddress +mismatch Service address differs: suite 750/);
    expect(r.out).toMatch(/\[FAIL\] billAge +stale/);
  });

  it.each([
    [['check'], /Missing case id or request\.json/],
    [['check', 'nope.json', '--fields', 'x.json'], /request file nope\.json was not found/],
    [['check', '__BAD__', '--fields', '__FIELDS__'], /request\.json is not valid JSON/],
    [['check', '__REQ__'], /needs the bill: --bill <file> or --fields/],
    [['check', '__REQ__', '--fields', '__FIELDS__', '--as-of', '2025-13-01'], /--as-of 2025-13-01/],
    [['check', '__BADREQ__', '--fields', '__FIELDS__'], /request\.serviceAddress\.zip: must be a ZIP/],
    [['check', '__REQ__', '--fields', '__BAD__'], /fields\.json is not valid JSON/],
  ])('bad input %j -> exit 2 with a clear error', async (argv, message) => {
    const files: Record<string, string> = {
      __BAD__: write('bad.json', '{"accountName": '),
      __REQ__: write('req.json', request),
      __FIELDS__: write('fields.json', fields),
      __BADREQ__: write('badreq.json', {
        ...request,
        serviceAddress: { ...request.serviceAddress, zip: '4689' },
      }),
    };
    const r = await desk(...argv.map((a) => files[a] ?? a));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('checks a stored case by id (stored bill, or --fields instead)', async () => {
    const dataDir = path.join(dir, 'data');
    const before = process.env.PORTING_DESK_DATA;
    process.env.PORTING_DESK_DATA = dataDir;
    try {
      const desk = await openDesk({ dataDir });
      const c = await desk.deps.store.createCase(
        {
          customer: {
            accountName: 'Okafor Tax Service PLLC',
            accountType: 'business',
            accountNumber: '816427063839',
            btn: '2605550179',
            pin: null,
            losingCarrier: 'Metro Cable',
            wireless: false,
          },
          authorized: { name: 'Ada Okafor', title: '', email: '', phone: '' },
          serviceAddress: {
            line1: '523 Highland Ter Ste 750',
            line2: null,
            city: 'Fort Wayne',
            state: 'IN',
            zip: '46892',
          },
          numbers: [{ number: '2605550179', action: 'port', kind: 'local', e911: null }],
          newBtn: null,
          focDate: null,
          focTime: null,
          flags: { dsl: false, contractTerm: false, personalCell: false },
          notes: '',
        },
        'tester',
      );
      await desk.close();
      const noBill = await desk_(String(c.id), '--as-of', '2025-07-01', '--json');
      expect(noBill.code).toBe(0);
      const j = JSON.parse(noBill.out);
      expect(j.report.hasBill).toBe(false);
      expect(j.report.readiness.blockers.map((b: { id: string }) => b.id)).toContain('no_bill');
      const withFields = await desk_(
        String(c.id),
        '--fields',
        write('f.json', fields),
        '--as-of',
        '2025-07-01',
      );
      expect(withFields.out).toMatch(/\[ok {2}\] serviceAddress +match/);
      expect((await desk_('99999')).err).toMatch(/error: .*99999/);
    } finally {
      if (before === undefined) delete process.env.PORTING_DESK_DATA;
      else process.env.PORTING_DESK_DATA = before;
    }
  });
});

const desk_ = (...argv: string[]) => desk('check', ...argv);
