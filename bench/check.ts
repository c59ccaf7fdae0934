// Check-engine benchmark: `npm run bench -- check`. Times the pure engine: a full runChecks on
// cases of 1, 50 and 1,000 numbers, the eval verdicts, and a year of FOC calendar. Figures only.
import { performance } from 'node:perf_hooks';
import { CaseInputSchema, type BillFields } from '../shared/domain';
import { runChecks } from '../shared/check/run';
import { evalChecks } from '../shared/check/eval';
import { parseRequest } from '../shared/request';
import { focCalendar } from '../shared/foc/calendar';

function numbers(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `970234${String(1000 + i).padStart(4, '0')}`);
}

function time(label: string, runs: number, fn: () => unknown): void {
  fn(); // warm-up (holiday tables, libphonenumber metadata)
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  const ms = (performance.now() - t0) / runs;
  console.log(`${label.padEnd(44)} ${ms.toFixed(3).padStart(9)} ms/op  (${runs} runs)`);
}

for (const n of [1, 50, 1000]) {
  const nums = numbers(n);
  const input = CaseInputSchema.parse({
    customer: {
      accountName: 'Brightwater Engineering Inc.',
      accountNumber: '1443-205-275',
      btn: nums[0],
      losingCarrier: 'Acme',
    },
    authorized: { name: 'Ann Lee' },
    serviceAddress: {
      line1: '1779 W Franklin Ln Ste 210',
      line2: null,
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537',
    },
    numbers: nums.map((number) => ({ number })),
    focDate: '2025-09-22',
  });
  const bill: BillFields = {
    carrier: 'Acme',
    accountName: 'Brightwater Engineering, Inc',
    accountNumber: '1443205275',
    btn: nums[0]!,
    serviceAddress: {
      line1: '1779 West Franklin Lane',
      line2: 'Suite 210',
      city: 'Fort Collins',
      state: 'CO',
      zip: '80537-1234',
    },
    billDate: '2025-08-20',
    numbers: nums,
  };
  time(`runChecks, ${n} number(s)`, n >= 1000 ? 20 : 200, () =>
    runChecks({ caseId: 1, input, bill, asOf: '2025-08-29', ranAt: '' }),
  );
}

const req = parseRequest({
  accountName: 'brightwater engineering inc.',
  accountNumber: '1493-205-275',
  btn: '9702340124',
  serviceAddress: {
    line1: '1779 W Franklin Ln',
    line2: null,
    city: 'FORT COLLINS',
    state: 'CO',
    zip: '80537',
  },
  numbersToPort: ['970-234-0124', '(970) 234-0162'],
  asOf: '2024-08-03',
  requestedFocDate: '2024-08-15',
  accountType: 'business',
});
const fields: BillFields = {
  carrier: 'Acme',
  accountName: 'Brightwater Engineering Inc.',
  accountNumber: '1443-205-275',
  btn: '9702340124',
  serviceAddress: {
    line1: '1779 W Franklin Lane',
    line2: null,
    city: 'Fort Collins',
    state: 'CO',
    zip: '80537',
  },
  billDate: '2024-07-09',
  numbers: ['9702340124', '9702340162'],
};
time('evalChecks (scorer verdicts)', 2000, () => evalChecks(fields, req));
time('focCalendar, 365 days', 50, () =>
  focCalendar('2025-01-01', '2025-12-31', { asOf: '2025-01-01', numbersCount: 5, canadian: true }),
);
console.log(`peak RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
