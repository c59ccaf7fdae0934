import { useId, useState } from 'react';
import {
  useFieldArray,
  useWatch,
  type Control,
  type UseFormRegister,
  type UseFormSetValue,
  type FieldErrors,
} from 'react-hook-form';
import { emptyAddress } from '../../../../shared/domain';
import { formatPhone } from '../../components/format';
import type { CaseFormIn } from './form-schema';
import { parsePastedNumbers, type PasteResult } from './paste-numbers';

const KIND_LABEL = { local: 'Local', tollfree: 'Toll-free', canadian: 'Canadian' } as const;

interface Props {
  control: Control<CaseFormIn>;
  register: UseFormRegister<CaseFormIn>;
  setValue: UseFormSetValue<CaseFormIn>;
  errors: FieldErrors<CaseFormIn>;
  disabled?: boolean;
  /** Called before a bulk change so the form can offer undo. */
  onBeforeBulk: (label: string) => void;
}

function summary(r: PasteResult): string {
  const parts: string[] = [];
  const tf = r.numbers.filter((n) => n.kind === 'tollfree').length;
  const ca = r.numbers.filter((n) => n.kind === 'canadian').length;
  parts.push(
    `Added ${r.numbers.length} ${r.numbers.length === 1 ? 'number' : 'numbers'}` +
      (tf || ca
        ? ` (${[tf ? `${tf} toll-free` : '', ca ? `${ca} Canadian` : ''].filter(Boolean).join(', ')})`
        : '') +
      '.',
  );
  if (r.duplicates) parts.push(`${r.duplicates} already in the list, skipped.`);
  return parts.join(' ');
}

export function NumbersEditor({ control, register, setValue, errors, disabled, onBeforeBulk }: Props) {
  const id = useId();
  const { fields, append, remove } = useFieldArray({ control, name: 'numbers' });
  const numbers = useWatch({ control, name: 'numbers' }) ?? [];
  const [paste, setPaste] = useState('');
  const [result, setResult] = useState<{ ok: string; problems: string[] } | null>(null);

  const addPasted = () => {
    const r = parsePastedNumbers(
      paste,
      numbers.map((n) => n.number),
    );
    const problems = [
      ...r.invalid.map((i) => `“${i.text}”: ${i.reason}`),
      ...r.unreadLines.map((l) => `“${l}”: no phone number found`),
    ];
    if (r.numbers.length) {
      onBeforeBulk(`paste of ${r.numbers.length} numbers`);
      append(r.numbers.map((n) => ({ number: n.number, kind: n.kind, action: 'port' as const, e911: null })));
    }
    setResult({ ok: r.numbers.length || r.duplicates ? summary(r) : '', problems });
    // Keep only what could not be read, so the agent can fix it instead of retyping it.
    setPaste([...r.invalid.map((i) => i.text), ...r.unreadLines].join('\n'));
  };

  const counts = {
    port: numbers.filter((n) => n.action !== 'keep').length,
    keep: numbers.filter((n) => n.action === 'keep').length,
  };
  const arrayError = (errors.numbers as { message?: string } | undefined)?.message;

  return (
    <fieldset disabled={disabled}>
      <legend>Numbers</legend>
      <div className="field">
        <label htmlFor={`${id}-paste`}>Add numbers</label>
        <textarea
          id={`${id}-paste`}
          rows={3}
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          placeholder={
            'Paste from a spreadsheet, a bill or an email: one or many per line, any format.\n(212) 555-0142, 212.555.0143\t+1 800 555 0100'
          }
          aria-describedby={`${id}-paste-hint`}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              addPasted();
            }
          }}
        />
        <span id={`${id}-paste-hint`} className="hint">
          Duplicates are skipped; each number is classified as local, toll-free or Canadian. Ctrl+Enter adds.
        </span>
      </div>
      <div className="btn-row" style={{ marginBottom: 10 }}>
        <button type="button" className="btn" onClick={addPasted} disabled={!paste.trim()}>
          Add numbers
        </button>
        <span className="muted" data-testid="number-counts">
          {numbers.length} {numbers.length === 1 ? 'number' : 'numbers'}: {counts.port} to port, {counts.keep}{' '}
          to keep
        </span>
      </div>
      <div aria-live="polite">
        {result?.ok && <p className="banner banner-ok">{result.ok}</p>}
        {result && result.problems.length > 0 && (
          <div className="banner banner-warn" role="alert">
            {result.problems.length === 1
              ? 'One entry was not added'
              : `${result.problems.length} entries were not added`}{' '}
            (left in the box above to fix):
            <ul>
              {result.problems.slice(0, 8).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
              {result.problems.length > 8 && <li>…and {result.problems.length - 8} more</li>}
            </ul>
          </div>
        )}
      </div>
      {arrayError && <p className="error-text">{arrayError}</p>}
      {fields.length > 0 && (
        <div className="numbers-table-wrap">
          <table className="data numbers-table">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Kind</th>
                <th scope="col">Port or keep</th>
                <th scope="col">E911 address</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f, i) => {
                const n = numbers[i];
                const label = formatPhone(n?.number ?? f.number);
                const custom = n?.e911 != null;
                const err = errors.numbers?.[i];
                return (
                  <tr key={f.id} data-testid="number-row">
                    <td className="num">
                      {label}
                      {err?.number?.message && <div className="error-text">{err.number.message}</div>}
                    </td>
                    <td>
                      <span className={`badge kind-${n?.kind ?? 'local'}`}>
                        {KIND_LABEL[n?.kind ?? 'local']}
                      </span>
                    </td>
                    <td>
                      <select
                        aria-label={`Port or keep ${label}`}
                        {...register(`numbers.${i}.action` as const)}
                      >
                        <option value="port">Port</option>
                        <option value="keep">Keep on old account</option>
                      </select>
                    </td>
                    <td>
                      {custom ? (
                        <div className="e911-grid">
                          <input
                            aria-label={`E911 street for ${label}`}
                            placeholder="Street"
                            {...register(`numbers.${i}.e911.line1` as const)}
                          />
                          <input
                            aria-label={`E911 suite or unit for ${label}`}
                            placeholder="Suite"
                            {...register(`numbers.${i}.e911.line2` as const, {
                              setValueAs: (v: string | null) => v || null,
                            })}
                          />
                          <input
                            aria-label={`E911 city for ${label}`}
                            placeholder="City"
                            {...register(`numbers.${i}.e911.city` as const)}
                          />
                          <input
                            aria-label={`E911 state for ${label}`}
                            placeholder="State"
                            {...register(`numbers.${i}.e911.state` as const)}
                          />
                          <input
                            aria-label={`E911 ZIP for ${label}`}
                            placeholder="ZIP"
                            {...register(`numbers.${i}.e911.zip` as const)}
                          />
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => setValue(`numbers.${i}.e911`, null, { shouldDirty: true })}
                          >
                            Use service address
                          </button>
                        </div>
                      ) : (
                        <span>
                          <span className="muted">Service address</span>{' '}
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() =>
                              setValue(`numbers.${i}.e911`, emptyAddress(), { shouldDirty: true })
                            }
                            aria-label={`Set a different E911 address for ${label}`}
                          >
                            Change
                          </button>
                        </span>
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn-icon"
                        aria-label={`Remove ${label}`}
                        onClick={() => {
                          onBeforeBulk(`removal of ${label}`);
                          remove(i);
                        }}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </fieldset>
  );
}
