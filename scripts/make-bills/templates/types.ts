import type { Doc, Family } from '../draw';
import type { AcctStyle, Addr, Bill, Kind } from '../model';
import type { Rng } from '../rng';

export interface Template {
  id: string;
  carrier: string;
  kind: Kind;
  family: Family;
  alt: Family;
  acctStyle: AcctStyle;
  acctPrefix?: string;
  businessShare: number;
  lineRange: [number, number];
  disconnectedShare: number;
  remit: Addr;
  /** what makes this layout different, for the README and the truth file */
  layout: string;
  draw(doc: Doc, b: Bill, r: Rng): void;
}
