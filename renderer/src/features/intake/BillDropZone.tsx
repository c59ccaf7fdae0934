import { useId, useRef, useState } from 'react';
import { ACCEPT_ATTR } from './jobs';
import { JobProgress } from './JobProgress';
import { startCaseFromBill } from './pending-bills';
import { addBillToCase } from './case-bills';

interface Props {
  caseId?: number;
  compact?: boolean;
  label?: string;
}

/** Drop target plus a file picker, so the same action works from the keyboard. */
export function BillDropZone({ caseId, compact, label }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);
  const take = (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      if (caseId) void addBillToCase(f, caseId);
      else void startCaseFromBill(f);
    }
  };
  const picker = (
    <>
      <input
        ref={input}
        id={id}
        type="file"
        accept={ACCEPT_ATTR}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          take(e.target.files);
          e.target.value = '';
        }}
        data-testid="bill-file-input"
      />
      <button type="button" className="btn" onClick={() => input.current?.click()}>
        {label ?? 'Choose a bill or email…'}
      </button>
    </>
  );
  if (compact) return picker;
  return (
    <div>
      <div
        className={`dropzone${active ? ' active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setActive(true);
        }}
        onDragLeave={() => setActive(false)}
        onDrop={(e) => {
          e.preventDefault();
          setActive(false);
          take(e.dataTransfer.files);
        }}
      >
        <p>
          <strong>Drop a bill or the customer’s email here</strong> (PDF, JPEG, PNG, TIFF, HEIC, .eml or .msg)
          <br />
          {caseId
            ? 'It is read and its values are checked against this case.'
            : 'A new case opens, prefilled from the bill.'}
        </p>
        {picker}
      </div>
      <JobProgress filter={(j) => (caseId ? j.caseId === caseId : j.caseId === null)} />
    </div>
  );
}
