// What the agent should check about each compared bill value, laid on the field checks: why the
// desk doubts its reading (an account number picked among two the bill prints, a digit OCR could
// hardly make out), so the agent knows where to look. A value read cleanly carries nothing.
import type { FieldMeta } from '../domain';
import type { FieldCheck } from './types';

/**
 * Below this figure a bill value stored before doubts were recorded is marked for a second look
 * (newer readings say why instead, see FieldMeta.doubts).
 */
export const LOW_CONFIDENCE = 0.8;

const META_KEY: Partial<Record<FieldCheck['field'], string>> = {
  accountName: 'accountName',
  accountNumber: 'accountNumber',
  btn: 'btn',
  serviceAddress: 'serviceAddress',
  billAge: 'billDate',
};

/** The notes an agent reads about one bill reading; empty when it was read cleanly. */
export function doubtNotes(meta: FieldMeta | undefined): string[] {
  if (!meta) return [];
  if (meta.doubts) return meta.doubts.map((d) => d.note);
  return meta.confidence < LOW_CONFIDENCE
    ? [`Read with low confidence (${Math.round(meta.confidence * 100)}%): check it on the bill`]
    : [];
}

export function withBillConfidence(
  checks: FieldCheck[],
  meta: Record<string, FieldMeta> | null | undefined,
): FieldCheck[] {
  if (!meta) return checks;
  return checks.map((c) => {
    const m = META_KEY[c.field] ? meta[META_KEY[c.field]!] : undefined;
    if (!m) return c;
    if (c.billValue === null) {
      // nothing was read, yet the bill says why (an account number it prints only masked): the
      // agent is told that, not to look again for a value the bill does not show
      const why = c.verdict === 'missing' ? (m.doubts ?? []).map((d) => d.note) : [];
      return why.length ? { ...c, reason: `${why.join('; ')}.`, billDoubts: why } : c;
    }
    // always set, empty when clean: the panel reads a missing list as a report saved before doubts
    return { ...c, billConfidence: m.confidence, billDoubts: doubtNotes(m) };
  });
}
