// Types of fixture-score.mjs for the TypeScript tests that use it.
export declare const FIELDS: readonly ['accountName', 'accountNumber', 'btn', 'serviceAddress', 'billDate'];

/** Whether a field read from a bill is its truth, as the eval's scorer counts it. */
export declare function fieldOk(field: (typeof FIELDS)[number], got: unknown, want: unknown): boolean;

export interface FixtureRecord {
  id: string;
  template: string;
  rendition: string;
  file: string;
  pages: number;
  truth: {
    accountName: string;
    accountNumber: string;
    btn: string;
    serviceAddress: { line1: string; line2: string | null; city: string; state: string; zip: string };
    /** null where the document shows none (an app screenshot) */
    billDate: string | null;
    numbers: string[];
  };
  expected: { asOf: string; verdicts: Record<string, string>; discrepancy: string | null };
}

export interface ScoredBill {
  id: string;
  template: string;
  rendition: string;
  seconds: number;
  parsed: boolean;
  timedOut: boolean;
  fields: Record<(typeof FIELDS)[number], boolean>;
  chk: Record<string, boolean>;
  tp: number;
  got: number;
  truth: number;
  disc: string | null;
  missed: boolean;
  falseAlarm: boolean;
  extra: string[];
  lost: string[];
}

export interface Summary {
  n: number;
  fields: number;
  per: Record<(typeof FIELDS)[number], number>;
  P: number;
  R: number;
  checks: number;
  disc: number;
  missed: number;
  clean: number;
  falseAlarms: number;
  med: number;
  noJson: number;
  counts: {
    fieldsRight: number;
    fieldsAll: number;
    numbersFound: number;
    numbersExtra: number;
    numbersTrue: number;
  };
}

export declare function loadFixtures(
  dir: string,
  filter?: { only?: Set<string> | null; template?: string | null; rendition?: string | null },
): FixtureRecord[];

export declare function scoreBill(
  r: FixtureRecord,
  out: { fields?: unknown; checks?: unknown } | null,
  run?: { seconds?: number; timedOut?: boolean; stderr?: string },
): ScoredBill;

export declare function billLine(row: ScoredBill): string;
export declare function summarize(rows: ScoredBill[]): Summary;
export declare function report(rows: ScoredBill[]): {
  lines: string[];
  overall: Summary;
  byRendition: Record<string, Summary>;
  byTemplate: Record<string, Summary>;
};
