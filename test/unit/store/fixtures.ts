// Case inputs for the store tests: valid by construction (parsed by the real schema).
import type { DocumentRecord, Store } from '../../../electron/desk/store/types';
import { CaseInputSchema, type CaseInput } from '../../../shared/domain';

export interface CaseSeed {
  name?: string;
  account?: string;
  pin?: string | null;
  numbers?: string[];
  city?: string;
  line1?: string;
}

export function caseInput(seed: CaseSeed = {}): CaseInput {
  const numbers = seed.numbers ?? ['2125550100', '2125550124'];
  return CaseInputSchema.parse({
    customer: {
      accountName: seed.name ?? 'Acme Plumbing LLC',
      accountNumber: seed.account ?? '123-456 789',
      btn: numbers[0] ?? '',
      pin: seed.pin === undefined ? '4321' : seed.pin,
      losingCarrier: 'Verizon',
      wireless: true,
    },
    authorized: { name: 'Jo Smith', title: 'Owner', email: 'jo@example.com' },
    serviceAddress: {
      line1: seed.line1 ?? '12 Main St',
      city: seed.city ?? 'Albany',
      state: 'NY',
      zip: '12207',
    },
    numbers: numbers.map((number) => ({ number })),
  });
}

/** A bill filed with a case: `body` stored as a blob, and the document naming it. */
export async function addBillDocument(
  store: Pick<Store, 'putBlob' | 'addDocument'>,
  caseId: number,
  body: string,
  actor: string,
): Promise<DocumentRecord> {
  const blob = await store.putBlob(Buffer.from(body));
  const doc = {
    sha256: blob.sha256,
    kind: 'bill' as const,
    filename: 'bill.pdf',
    mime: 'application/pdf',
    size: Buffer.byteLength(body),
    pages: 1,
  };
  return store.addDocument(caseId, doc, actor);
}
