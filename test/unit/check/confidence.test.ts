import { describe, expect, it } from 'vitest';
import { withBillConfidence } from '../../../shared/check/confidence';
import { checkFields } from '../../../shared/check/fields';

describe('withBillConfidence', () => {
  it('lays each bill reading’s confidence on its check, and none where nothing was read', () => {
    const checks = checkFields(
      {
        carrier: null,
        accountName: 'Acme LLC',
        accountNumber: '8842-1197',
        btn: null,
        serviceAddress: null,
        billDate: '2025-01-02',
        numbers: [],
      },
      {
        accountName: 'Acme LLC',
        accountNumber: '8842-1197',
        btn: '2125550100',
        serviceAddress: null,
        numbersToPort: [],
      },
      '2025-01-10',
    );
    const out = withBillConfidence(checks, {
      accountName: { confidence: 1, boxes: [] },
      accountNumber: { confidence: 0.55, boxes: [] },
      btn: { confidence: 0.4, boxes: [] },
      billDate: { confidence: 0.9, boxes: [] },
    });
    const by = Object.fromEntries(out.map((c) => [c.field, c.billConfidence]));
    expect(by).toEqual({
      accountName: 1,
      accountNumber: 0.55,
      btn: undefined,
      serviceAddress: undefined,
      numbersOnBill: undefined,
      billAge: 0.9,
    });
  });
});
