import { DoubtNote } from '../../components/DoubtNote';
import type { FieldNote } from '../intake/prefill';

/**
 * Under a prefilled field: where its value came from ("From the email", with the words it was
 * read from), the bill's value when the two disagree, and a mark when the bill's reading is unsure.
 */
export function SourceNote({ note }: { note: FieldNote }) {
  return (
    <span className="source-note">
      <span className={`source-tag source-${note.from}`} title={note.quote ? `“${note.quote}”` : undefined}>
        {note.from === 'email' ? 'From the email' : 'From the bill'}
      </span>
      {note.quote && <span className="source-quote"> “{note.quote}”</span>}
      {note.billSays && (
        <span className="source-mismatch" role="note">
          {' '}
          {note.billSays.startsWith('not on the bill')
            ? `⚠ ${note.billSays}`
            : `⚠ The bill says ${note.billSays}`}
        </span>
      )}
      {note.doubts && <DoubtNote notes={note.doubts} compact />}
    </span>
  );
}
