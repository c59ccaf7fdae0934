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

  it('lays the reading’s doubts on its check; a clean reading carries none, an old one its low figure', () => {
    const checks = checkFields(
      {
        carrier: null,
        accountName: 'Acme LLC',
        accountNumber: '8842-1197',
        btn: '2125550100',
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
    const note =
      'Two account numbers on this bill; picked the one labelled “Account Number” over 77 (“Customer ID”) — check';
    const out = withBillConfidence(checks, {
      // a sidebar label read from a text layer: a middling figure, no doubt
      accountName: { confidence: 0.765, boxes: [], doubts: [] },
      accountNumber: { confidence: 0.9, boxes: [], doubts: [{ kind: 'layout', note }] },
      // stored before doubts were recorded
      btn: { confidence: 0.4, boxes: [] },
      billDate: { confidence: 0.95, boxes: [] },
    });
    const by = Object.fromEntries(out.map((c) => [c.field, c.billDoubts]));
    expect(by.accountName).toEqual([]);
    expect(by.accountNumber).toEqual([note]);
    expect(by.btn).toEqual(['Read with low confidence (40%): check it on the bill']);
    expect(by.billAge).toEqual([]);
    expect(by.serviceAddress).toBeUndefined();
  });
});
