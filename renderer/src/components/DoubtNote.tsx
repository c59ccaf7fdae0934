/**
 * One quiet mark beside a bill value the desk is unsure of, with why in words ("two account
 * numbers on this bill; picked …"). Values read cleanly get nothing, so the mark means something.
 * `compact` keeps only the mark; the why is then its tooltip and accessible name.
 */
export function DoubtNote({ notes, compact = false }: { notes: readonly string[]; compact?: boolean }) {
  if (!notes.length) return null;
  const why = notes.join('\n');
  if (compact)
    return (
      <span
        className="doubt-mark"
        role="note"
        data-testid="bill-doubt"
        title={why}
        aria-label={`Check: ${why}`}
      >
        check
      </span>
    );
  return (
    <div className="doubt small" role="note" data-testid="bill-doubt">
      <span className="doubt-dot" aria-hidden="true" />
      <span>{notes.join(' · ')}</span>
    </div>
  );
}
