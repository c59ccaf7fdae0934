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
  /** 'classic': the 13 layouts of the committed fx set; 'business': big business structures */
  suite?: 'classic' | 'business';
  /** numbering of the account (see BillSpec.numbering) */
  numbering?: 'classic' | 'blocks';
  /** 'qc': a Quebec account, 'ca': an English Canadian one, 'pr': Puerto Rico (see BillSpec.locale) */
  locale?: 'us' | 'qc' | 'ca' | 'pr';
  /** share of bills that arrive with a fax machine's header line on top of every page */
  faxShare?: number;
  /**
   * The bill is a phone screen (an app's Account screen), not paper: every rendition is the
   * screenshot PNG, and a photo is a photo of the phone's screen.
   */
  screen?: boolean;
  /** The document shows no bill date: the truth has none (and a stale-bill request is impossible). */
  noBillDate?: boolean;
  /** Digits of the account's port-out PIN when it is not the 4-6 of makeBill (a transfer PIN). */
  pinDigits?: [number, number];
  /** The bill is faxed by the customer with their own cover sheet first: half its scans are fax TIFFs. */
  faxCover?: boolean;
  /** The account is billed under a legal name and a trade name (DBA): see heron.ts dbaName. */
  dbaNames?: boolean;
  draw(doc: Doc, b: Bill, r: Rng): void;
}
