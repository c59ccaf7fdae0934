import { useState } from 'react';
import type { Case } from '../../../../shared/domain';
import { formatStamp } from '../../components/format';
import { diffInputs } from './diff';
import { inputFromCase, type CaseFormIn } from './form-schema';

interface Props {
  theirs: Case;
  current: () => CaseFormIn;
  onKeepMine: () => void;
  onLoadTheirs: () => void;
}

/** Shown when cases:update answered CONFLICT: nothing the agent typed is thrown away. */
export function ConflictBanner({ theirs, current, onKeepMine, onLoadTheirs }: Props) {
  const [compare, setCompare] = useState(false);
  const rows = compare ? diffInputs(current(), inputFromCase(theirs)) : [];
  return (
    <div className="banner banner-warn conflict" role="alert" data-testid="conflict-banner">
      <strong>This case was changed elsewhere</strong> (saved {formatStamp(theirs.updatedAt)}) while you were
      editing. Your changes are still in the form and have not been saved.
      <div className="btn-row" style={{ marginTop: 8 }}>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setCompare((c) => !c)}
          aria-expanded={compare}
        >
          {compare ? 'Hide comparison' : 'Compare'}
        </button>
        <button type="button" className="btn btn-small" onClick={onKeepMine}>
          Save mine over theirs
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={onLoadTheirs}>
          Discard mine and load theirs
        </button>
      </div>
      {compare && (
        <table className="data compare" style={{ marginTop: 8 }}>
          <caption className="visually-hidden">Your values against the saved values</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Yours (not saved)</th>
              <th scope="col">Saved by the other window</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={3}>No field differs; saving yours changes nothing they did.</td>
              </tr>
            ) : (
              rows.map((r) => (
                <tr key={r.field}>
                  <th scope="row">{r.label}</th>
                  <td>{r.mine || <span className="muted">(empty)</span>}</td>
                  <td>{r.theirs || <span className="muted">(empty)</span>}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
