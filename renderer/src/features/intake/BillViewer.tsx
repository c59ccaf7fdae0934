import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { Box, Extraction } from '../../../../shared/domain';
import type { DocumentInfo } from '../../../../shared/channels/intake';
import { asDeskError, call, hasChannel } from '../../desk/client';
import { formatDate, formatPhone } from '../../components/format';
import { toast } from '../../state/toasts';

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

interface Loaded {
  doc: DocumentInfo;
  extraction: Extraction | null;
  mime: string;
  bytes: Uint8Array;
}

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
    Promise.all([
      call('intake:getExtraction', { documentId: docId }),
      call('intake:documentBytes', { documentId: docId }),
    ])
      .then(([x, raw]) => {
        if (live)
          setLoaded({
            doc: x.document,
            extraction: x.extraction,
            mime: raw.mime,
            bytes: b64ToBytes(raw.base64),
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

function Preview({ loaded, onCorrected }: { loaded: Loaded; onCorrected: (x: Extraction) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(1);
  const [zoom, setZoom] = useState(0.8);
  const wrap = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [focus, setFocus] = useState<FieldKey | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const isPdf = loaded.mime === 'application/pdf';
  const imageUrl = useMemo(
    () => (isPdf ? null : URL.createObjectURL(new Blob([loaded.bytes as BlobPart], { type: loaded.mime }))),
    [isPdf, loaded],
  );
  useEffect(() => () => void (imageUrl && URL.revokeObjectURL(imageUrl)), [imageUrl]);
  const pages = isPdf ? (pdf?.numPages ?? 1) : 1;

  useEffect(() => {
    if (!isPdf) return;
    let live = true;
    import('./pdf-render')
      .then(({ openPdf }) => openPdf(loaded.bytes.slice()))
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
  }, [isPdf, loaded]);

  useEffect(() => {
    if (!pdf || !canvas.current) return;
    let live = true;
    void import('./pdf-render').then(({ renderPage }) =>
      renderPage(pdf, page, canvas.current!, zoom).then((s) => live && setSize(s)),
    );
    return () => {
      live = false;
    };
  }, [pdf, page, zoom]);

  const e = loaded.extraction;
  const boxes: (Box & { key: string; label: string })[] = [];
  if (e) {
    for (const f of FIELDS)
      for (const b of e.meta[f.key]?.boxes ?? []) boxes.push({ ...b, key: f.key, label: f.label });
    for (const [n, m] of Object.entries(e.numberMeta))
      for (const b of m.boxes) boxes.push({ ...b, key: `n${n}`, label: formatPhone(n) });
  }
  const onPage = boxes.filter((b) => b.page === page);

  const highlight = (k: FieldKey) => {
    setFocus(k);
    const first = e?.meta[k]?.boxes[0];
    if (first && first.page !== page) setPage(first.page);
  };

  // Image bills: page units are the image's pixels; scale to the displayed width.
  const [imgSize, setImgSize] = useState<{ w: number; h: number } | null>(null);
  const unitW = isPdf ? size?.width : imgSize?.w;
  const scale = isPdf ? zoom : imgSize ? (zoom * 560) / imgSize.w : 1;

  return (
    <div className="bill-preview">
      <div className="btn-row bill-tools">
        {isPdf && (
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
      <div
        ref={wrap}
        className="bill-canvas-wrap"
        tabIndex={0}
        role="region"
        aria-label="Bill page (scroll to see all of it)"
      >
        <div className="bill-page" style={{ position: 'relative', display: 'inline-block' }}>
          {isPdf ? (
            <canvas ref={canvas} aria-label={`Bill page ${page}`} role="img" />
          ) : (
            imageUrl && (
              <img
                src={imageUrl}
                alt={`Bill ${loaded.doc.filename}`}
                style={{ width: imgSize ? imgSize.w * scale : undefined }}
                onLoad={(ev) =>
                  setImgSize({ w: ev.currentTarget.naturalWidth, h: ev.currentTarget.naturalHeight })
                }
              />
            )
          )}
          {unitW &&
            onPage.map((b, i) => (
              <span
                key={i}
                className={`field-box${focus && b.key === focus ? ' focused' : ''}${b.key.startsWith('n') ? ' number-box' : ''}`}
                title={b.label}
                style={{
                  left: b.x0 * scale,
                  top: b.y0 * scale,
                  width: (b.x1 - b.x0) * scale,
                  height: (b.y1 - b.y0) * scale,
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
        toast.success('Correction saved and recorded.');
      } catch (err) {
        toast.error(asDeskError(err).message);
      }
    },
    [value, loaded.doc.id, onCorrected],
  );
  return (
    <div className="found-fields">
      <h3>Read from the bill</h3>
      <table className="data">
        <tbody>
          {FIELDS.map((f) => {
            const conf = extraction.meta[f.key]?.confidence;
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
                  {conf !== undefined && text && editing !== f.key && (
                    <span className={`small conf ${conf < 0.8 ? 'conf-low' : ''}`}>
                      {' '}
                      {Math.round(conf * 100)}%
                    </span>
                  )}
                </td>
                <td>
                  {editing !== f.key && (
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
