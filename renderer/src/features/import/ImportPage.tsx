// Cases → Import…: a reseller's spreadsheet of locations to port. The desk guesses which column
// is which (and remembers the agent's corrections per header row), shows every case it would
// create and every row it cannot use, with why, and writes nothing until the agent says so.
import { useRef, useState } from 'react';
import type { ImportPlanView } from '../../../../shared/channels/import';
import { IMPORT_FIELDS, IMPORT_FIELD_LABELS, type ImportField } from '../../../../shared/import/fields';
import { asDeskError, call, fileRef } from '../../desk/client';
import { formatPhone } from '../../components/format';
import { go, hrefFor } from '../../state/router';
import { toast } from '../../state/toasts';

type Ref = { path: string } | { uploadId: string };

export default function ImportPage() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; ref: Ref } | null>(null);
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const preview = async (ref: Ref, mapping?: (ImportField | null)[]) => {
    setBusy('Reading the spreadsheet…');
    setError(null);
    try {
      setPlan(await call('import:preview', { ...ref, ...(mapping ? { mapping } : {}) }));
    } catch (err) {
      setPlan(null);
      setError(asDeskError(err).message);
    } finally {
      setBusy(null);
    }
  };

  const choose = async (f: File | undefined) => {
    if (!f) return;
    setBusy('Uploading…');
    try {
      const ref = await fileRef(f);
      setFile({ name: f.name, ref });
      await preview(ref);
    } catch (err) {
      setError(asDeskError(err).message);
      setBusy(null);
    }
  };

  const remap = (i: number, v: string) => {
    if (!plan || !file) return;
    const next = plan.mapping.map((m, j) =>
      j === i ? ((v || null) as ImportField | null) : m === v ? null : m,
    );
    void preview(file.ref, next);
  };

  const commit = async () => {
    if (!plan || !file) return;
    setBusy('Creating the cases…');
    try {
      const r = await call('import:commit', { ...file.ref, mapping: plan.mapping });
      toast.success(
        `${r.created.length} case${r.created.length === 1 ? '' : 's'} created from ${file.name}.${r.rejected.length ? ` ${r.rejected.length} rows were left out.` : ''}`,
      );
      go({ name: 'list' });
    } catch (err) {
      toast.error(asDeskError(err).message);
      setBusy(null);
    }
  };

  const numbers = plan?.cases.reduce((n, c) => n + c.input.numbers.length, 0) ?? 0;
  return (
    <div className="import-page">
      <div className="page-head">
        <div>
          <p className="crumbs">
            <a href={hrefFor({ name: 'list' })}>Cases</a> / Import
          </p>
          <h1>Import cases from a spreadsheet</h1>
          <p className="muted">
            A CSV or Excel (.xlsx) file with one row per number: the desk makes one case per account number
            (or per BTN), skips numbers already in open cases, and shows everything before anything is
            written.
          </p>
        </div>
      </div>
      <div className="btn-row">
        <input
          ref={input}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-file-input"
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button type="button" className="btn" onClick={() => input.current?.click()}>
          {file ? 'Choose another file…' : 'Choose a spreadsheet…'}
        </button>
        {file && <span className="muted">{file.name}</span>}
        {busy && (
          <span className="muted" role="status">
            {busy}
          </span>
        )}
      </div>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {plan && (
        <>
          <section className="card" aria-labelledby="map-h">
            <h2 id="map-h">Columns</h2>
            <p className="small muted">
              {plan.remembered
                ? 'Matched as you set them for the last file with these headers.'
                : 'Matched from the headers; correct any that are wrong.'}{' '}
              {plan.format === 'csv' && plan.encoding === 'windows-1252' ? 'Read as Windows-1252 text.' : ''}
            </p>
            <table className="data mapping-table">
              <thead>
                <tr>
                  <th scope="col">Column in the file</th>
                  <th scope="col">Is the desk’s</th>
                </tr>
              </thead>
              <tbody>
                {plan.headers.map((h, i) => (
                  <tr key={i}>
                    <th scope="row">{h}</th>
                    <td>
                      <select
                        aria-label={`Field for column ${h}`}
                        value={plan.mapping[i] ?? ''}
                        onChange={(e) => remap(i, e.target.value)}
                      >
                        <option value="">(ignore)</option>
                        {IMPORT_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {IMPORT_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="preview-h">
            <div className="card-head">
              <h2 id="preview-h">
                {plan.cases.length} case{plan.cases.length === 1 ? '' : 's'}, {numbers} number
                {numbers === 1 ? '' : 's'}, from {plan.rowCount} row{plan.rowCount === 1 ? '' : 's'}
              </h2>
              <button
                type="button"
                className="btn btn-primary"
                disabled={!!busy || plan.cases.length === 0}
                onClick={() => void commit()}
              >
                Create {plan.cases.length} case{plan.cases.length === 1 ? '' : 's'}
              </button>
            </div>
            <table className="data" data-testid="import-cases">
              <thead>
                <tr>
                  <th scope="col">Grouped by</th>
                  <th scope="col">Account name</th>
                  <th scope="col">BTN</th>
                  <th scope="col">Numbers</th>
                  <th scope="col">Service address</th>
                  <th scope="col">Rows</th>
                </tr>
              </thead>
              <tbody>
                {plan.cases.slice(0, 500).map((c) => {
                  const a = c.input.serviceAddress;
                  const port = c.input.numbers.filter((n) => n.action === 'port').length;
                  return (
                    <tr key={c.key}>
                      <td>
                        {c.input.customer.accountNumber ? `account ${c.input.customer.accountNumber}` : c.key}
                      </td>
                      <td>{c.input.customer.accountName || <span className="muted">none</span>}</td>
                      <td>{formatPhone(c.input.customer.btn)}</td>
                      <td className="num">
                        {port} to port
                        {c.input.numbers.length > port ? `, ${c.input.numbers.length - port} to keep` : ''}
                      </td>
                      <td>
                        {a.line1 ? (
                          [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ')
                        ) : (
                          <span className="muted">none</span>
                        )}
                      </td>
                      <td className="small">
                        {c.rows.length > 6 ? `${c.rows.slice(0, 6).join(', ')}…` : c.rows.join(', ')}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {plan.cases.length > 500 && (
              <p className="small muted">and {plan.cases.length - 500} more cases.</p>
            )}
          </section>
          <section className="card" aria-labelledby="rejected-h">
            <h2 id="rejected-h">
              {plan.rejected.length === 0
                ? 'Every row can be used'
                : `${plan.rejected.length} row${plan.rejected.length === 1 ? '' : 's'} cannot be used`}
            </h2>
            {plan.rejected.length > 0 && (
              <table className="data" data-testid="import-rejected">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rejected.slice(0, 1000).map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      <td>{r.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
