/**
 * What the reading of a bill warns of ("its page was read as a picture: check the values as you
 * would a scan's"), said in place above the values read from it, for as long as the bill is
 * shown. Not a toast: it would cover the found fields' buttons and then be gone, while the
 * warning is about those very values. The warnings are stored with the extraction, so an agent
 * reopening the case reads them too.
 */
export function ReadingWarnings({ warnings }: { warnings: readonly string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <div className="banner banner-warn reading-warnings small" role="status" data-testid="reading-warnings">
      <strong>How this bill was read</strong>
      {warnings.length === 1 ? (
        <p>{warnings[0]}</p>
      ) : (
        <ul>
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
