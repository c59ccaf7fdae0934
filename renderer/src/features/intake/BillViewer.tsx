import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Box, Extraction } from '../../../../shared/domain';
import type { DocumentInfo } from '../../../../shared/channels/intake';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { formatDate, formatPhone } from '../../components/format';
import { DoubtNote } from '../../components/DoubtNote';
import { doubtNotes } from '../../../../shared/check/confidence';
import { toast } from '../../state/toasts';
import { outlines } from './box-fit';
import { ReadingWarnings } from './ReadingWarnings';

type FieldKey = 'accountName' | 'accountNumber' | 'btn' | 'carrier' | 'serviceAddress' | 'billDate';

const FIELDS: { key: FieldKey; label: string }[] = [
  { key: 'accountName', label: 'Account name' },
  { key: 'accountNumber', label: 'Account number' },
  { key: 'btn', label: 'BTN' },
  { key: 'serviceAddress', label: 'Service address' },
  { key: 'billDate', label: 'Bill date' },
  { key: 'carrier', label: 'Carrier' },
];

function show(e: Extraction, k: FieldKey): string {
  const f = e.fields;
  switch (k) {
    case 'btn':
      return formatPhone(f.btn);
    case 'billDate':
      return f.billDate ? formatDate(f.billDate) : '';
    case 'serviceAddress': {
      const a = f.serviceAddress;
      return a ? [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter(Boolean).join(', ') : '';
    }
    default:
      return f[k] ?? '';
  }
}

function b64ToBytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export interface Loaded {
  doc: DocumentInfo;
  /** A bill not stored yet (a new case being prefilled): its pages come from the staged file. */
  ref?: { path: string } | { uploadId: string };
  extraction: Extraction | null;
  /** The original PDF, drawn by pdfjs. Image bills come page by page from intake:pageImage. */
  bytes: Uint8Array | null;
}

/** An image page as the OCR read it (EXIF orientation and its turn applied). */
interface Shot {
  page: number;
  url: string;
  width: number;
  height: number;
}

const isPdfDoc = (d: DocumentInfo) => d.mime === 'application/pdf';

/** The case's latest bill: the page with the found fields outlined, and the values beside it. */
export function BillViewer({
  caseId,
  billKey,
  onCorrected,
}: {
  caseId: number;
  billKey: number;
  onCorrected?: () => void;
}) {
  const [docs, setDocs] = useState<DocumentInfo[] | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [docId, setDocId] = useState<number | null>(null);

  useEffect(() => {
    if (!hasChannel('intake:listDocuments')) return;
    let live = true;
    call('intake:listDocuments', { caseId })
      .then((list) => {
        if (!live) return;
        const bills = list.filter((d) => d.kind === 'bill');
        setDocs(bills);
        setDocId(bills.length ? bills[bills.length - 1]!.id : null);
      })
      .catch((err: unknown) => live && setError(asDeskError(err).message));
    return () => {
      live = false;
    };
  }, [caseId, billKey]);

  useEffect(() => {
    if (docId === null) return;
    let live = true;
    call('intake:getExtraction', { documentId: docId })
      .then(async (x) => {
        const raw = isPdfDoc(x.document) ? await call('intake:documentBytes', { documentId: docId }) : null;
        if (live)
          setLoaded({
            doc: x.document,
            extraction: x.extraction,
            bytes: raw ? b64ToBytes(raw.base64) : null,
          });
      })
      .catch((err: unknown) => live && setError(asDeskError(err).message));
    return () => {
      live = false;
    };
  }, [docId, billKey]);

  if (error) return <p className="error-text">Could not show the bill: {error}</p>;
  if (!docs) return <p className="muted">Loading the bill…</p>;
  if (docs.length === 0) return null;
  return (
    <div className="bill-viewer">
      {docs.length > 1 && (
        <div className="field">
          <label htmlFor={`bill-pick-${caseId}`}>Bill</label>
          <select
            id={`bill-pick-${caseId}`}
            value={docId ?? ''}
            onChange={(e) => setDocId(Number(e.target.value))}
          >
            {docs.map((d) => (
              <option key={d.id} value={d.id}>
                {d.filename} ({formatDate(d.createdAt)})
              </option>
            ))}
          </select>
        </div>
      )}
      {loaded ? (
        <Preview
          key={loaded.doc.id}
          loaded={loaded}
          onCorrected={(x) => {
            setLoaded((l) => (l ? { ...l, extraction: x } : l));
            onCorrected?.();
          }}
        />
      ) : (
        <p className="muted">Loading the bill…</p>
      )}
    </div>
  );
}

export function Preview({ loaded, onCorrected }: { loaded: Loaded; onCorrected: (x: Extraction) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(0.8);
  const wrap = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ page: number; width: number; height: number } | null>(null);
  const [shot, setShot] = useState<Shot | null>(null);
  const [focus, setFocus] = useState<FieldKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isPdf = loaded.bytes !== null;
  const e = loaded.extraction;
  // Page sizes (points) and turns as the bill was read; empty for bills read before they were kept.
  const known = useMemo(() => e?.pages ?? [], [e]);
  const info = known.find((p) => p.page === page);
  const turn = info?.rotate ?? 0;
  const pages = isPdf ? (pdf?.numPages ?? 1) : (loaded.doc.pages ?? Math.max(1, known.length));
  const firstWidth = known.find((p) => p.page === 1)?.width;

  useEffect(() => {
    if (!loaded.bytes) return;
    let live = true;
    const bytes = loaded.bytes;
    import('./pdf-render')
      .then(({ openPdf }) => openPdf(bytes.slice()))
      .then(async (d) => {
        if (!live) return;
        // Start at the column's width, so the whole line of a bill is visible without scrolling.
        const first = await d.getPage(1);
        const w = first.getViewport({ scale: 1 }).width;
        const avail = (wrap.current?.clientWidth ?? 560) - 20;
        if (live) {
          setZoom(Math.max(0.4, Math.min(2, Math.floor((avail / w) * 20) / 20)));
          setPdf(d);
        }
      })
      .catch((err: unknown) => live && setProblem(`This PDF cannot be shown: ${(err as Error).message}`));
    return () => {
      live = false;
    };
  }, [loaded.bytes]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let live = true;
    void import('./pdf-render').then(({ renderPage }) =>
      renderPage(pdf, page, canvas.current!, zoom, turn).then((s) => live && setSize({ page, ...s })),
    );
    return () => {
      live = false;
    };
  }, [pdf, page, zoom, turn]);

  // Image bills: zoom is CSS pixels per point, as for PDFs, so one scale serves page and boxes.
  useEffect(() => {
    if (isPdf) return;
    const avail = (wrap.current?.clientWidth ?? 560) - 20;
    setZoom(Math.max(0.4, Math.min(2, Math.floor((avail / (firstWidth ?? 612)) * 20) / 20)));
  }, [isPdf, firstWidth]);

  useEffect(() => {
    if (isPdf) return;
    let live = true;
    (loaded.ref
      ? call('intake:previewPage', { ...loaded.ref, page, rotate: turn })
      : call('intake:pageImage', { documentId: loaded.doc.id, page })
    )
      .then(
        (r) =>
          live &&
          setShot({ page, url: `data:${r.mime};base64,${r.base64}`, width: r.width, height: r.height }),
      )
      .catch(
        (err: unknown) => live && setProblem(`Page ${page} cannot be shown: ${asDeskError(err).message}`),
      );
    return () => {
      live = false;
    };
  }, [isPdf, loaded.doc.id, loaded.ref, page, turn]);

  const boxes: (Box & { key: string; label: string })[] = [];
  if (e) {
    for (const f of FIELDS)
      for (const b of e.meta[f.key]?.boxes ?? []) boxes.push({ ...b, key: f.key, label: f.label });
    for (const [n, m] of Object.entries(e.numberMeta ?? {}))
      for (const b of m.boxes) boxes.push({ ...b, key: `n${n}`, label: formatPhone(n) });
  }
  const onPage = boxes.filter((b) => b.page === page);

  const highlight = (k: FieldKey) => {
    setFocus(k);
    const first = e?.meta[k]?.boxes[0];
    if (first && first.page !== page) setPage(first.page);
  };

  const shown = isPdf ? (size?.page === page ? size : null) : shot?.page === page ? shot : null;
  const fit = shown ? outlines(known, page, shown, isPdf) : null;
  const drawBoxes = fit?.draw === true;
  const note =
    fit && !fit.draw && onPage.length > 0
      ? fit.why === 'no-record'
        ? 'Outlines are hidden: this bill was read before the desk kept its page sizes. Add it again to see them.'
        : 'Outlines are hidden: this page is not the shape it had when it was read.'
      : null;
  const imageWidth = (info?.width ?? firstWidth ?? 612) * zoom;

  return (
    <div className="bill-preview">
      <div className="btn-row bill-tools">
        {(isPdf || pages > 1) && (
          <>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setPage((p) => Math.max(1, p - 1))}
              disabled={page <= 1}
              aria-label="Previous page"
            >
              ‹
            </button>
            <span aria-live="polite">
              Page {page} of {pages}
            </span>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setPage((p) => Math.min(pages, p + 1))}
              disabled={page >= pages}
              aria-label="Next page"
            >
              ›
            </button>
          </>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom((z) => Math.max(0.4, z - 0.2))}
          aria-label="Zoom out"
        >
          −
        </button>
        <span>{Math.round(zoom * 100)}%</span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setZoom((z) => Math.min(3, z + 0.2))}
          aria-label="Zoom in"
        >
          +
        </button>
        <span className="muted small">{loaded.doc.filename}</span>
      </div>
      {problem && <p className="error-text">{problem}</p>}
      {note && <p className="muted small">{note}</p>}
      <div
        ref={wrap}
        className="bill-canvas-wrap"
        tabIndex={0}
        role="region"
        aria-label="Bill page (scroll to see all of it)"
      >
        {/* busy until the page is drawn: a screen reader waits, and so do the screenshots */}
        <div
          className="bill-page"
          aria-busy={!shown && !problem}
          style={{ position: 'relative', display: 'inline-block' }}
        >
          {isPdf ? (
            <canvas ref={canvas} aria-label={`Bill page ${page}`} role="img" />
          ) : (
            shot && (
              <img
                src={shot.url}
                alt={`Bill ${loaded.doc.filename}, page ${shot.page}`}
                style={{ width: imageWidth }}
              />
            )
          )}
          {drawBoxes &&
            onPage.map((b, i) => (
              <span
                key={i}
                className={`field-box${focus && b.key === focus ? ' focused' : ''}${b.key.startsWith('n') ? ' number-box' : ''}`}
                title={b.label}
                data-field={b.key}
                style={{
                  left: b.x0 * zoom,
                  top: b.y0 * zoom,
                  width: (b.x1 - b.x0) * zoom,
                  height: (b.y1 - b.y0) * zoom,
                }}
              />
            ))}
        </div>
      </div>
      {e && (
        <FoundFields
          loaded={loaded}
          extraction={e}
          focus={focus}
          onFocus={highlight}
          onCorrected={onCorrected}
        />
      )}
    </div>
  );
}

function FoundFields({
  loaded,
  extraction,
  focus,
  onFocus,
  onCorrected,
}: {
  loaded: Loaded;
  extraction: Extraction;
  focus: FieldKey | null;
  onFocus: (k: FieldKey) => void;
  onCorrected: (x: Extraction) => void;
}) {
  const [editing, setEditing] = useState<FieldKey | null>(null);
  const [value, setValue] = useState('');
  const save = useCallback(
    async (k: FieldKey) => {
      let v: unknown = value.trim() || null;
      if (k === 'btn' && typeof v === 'string') v = v.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
      if (k === 'serviceAddress') {
        const m = /^(.+?),\s*(?:(.+?),\s*)?(.+?),\s*([A-Za-z]{2})\s+(\S+)$/.exec(value.trim());
        if (!m) {
          toast.error('Write the address as: street, [suite,] city, ST ZIP');
          return;
        }
        v = { line1: m[1]!, line2: m[2] ?? null, city: m[3]!, state: m[4]!, zip: m[5]! };
      }
      try {
        const x = await call('intake:correctField', { documentId: loaded.doc.id, field: k, value: v });
        onCorrected(x);
        setEditing(null);
        toast.success('Correction saved and recorded; the desk learns where this carrier prints it.');
      } catch (err) {
        toast.error(asDeskError(err).message);
      }
    },
    [value, loaded.doc.id, onCorrected],
  );
  return (
    <div className="found-fields">
      <h3>Read from the bill</h3>
      <ReadingWarnings warnings={extraction.warnings} />
      <table className="data">
        <tbody>
          {FIELDS.map((f) => {
            const text = show(extraction, f.key);
            return (
              <tr key={f.key} className={focus === f.key ? 'focused-row' : undefined}>
                <th scope="row">{f.label}</th>
                <td>
                  {editing === f.key ? (
                    <form
                      className="input-with-button"
                      onSubmit={(ev) => {
                        ev.preventDefault();
                        void save(f.key);
                      }}
                    >
                      <input
                        aria-label={`Correct ${f.label}`}
                        type="text"
                        value={value}
                        onChange={(ev) => setValue(ev.target.value)}
                        autoFocus
                      />
                      <button type="submit" className="btn btn-small">
                        Save
                      </button>
                      <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : text ? (
                    <button
                      type="button"
                      className="link-btn value-btn"
                      onClick={() => onFocus(f.key)}
                      title="Show where it is on the bill"
                    >
                      {text}
                    </button>
                  ) : (
                    <span className="muted">not found</span>
                  )}
                  {extraction.sources?.[f.key] === 'learned' && text && editing !== f.key && (
                    <>
                      {' '}
                      <span
                        className="badge"
                        title={`Read where ${extraction.learned?.carrier ?? 'this carrier'} prints it, as learned from a correction`}
                      >
                        learned
                      </span>
                    </>
                  )}
                  {text && editing !== f.key && <DoubtNote notes={doubtNotes(extraction.meta[f.key])} />}
                </td>
                <td>
                  {editing !== f.key && !loaded.ref && (
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-label={`Correct ${f.label}`}
                      onClick={() => {
                        setEditing(f.key);
                        setValue(text);
                      }}
                    >
                      Correct
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">Numbers</th>
            <td colSpan={2}>
              {extraction.fields.numbers.length} on the bill:{' '}
              {extraction.fields.numbers.slice(0, 6).map(formatPhone).join(', ')}
              {extraction.fields.numbers.length > 6 ? '…' : ''}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
