import { useId, useMemo, useRef, useState } from 'react';
import {
  useController,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from 'react-hook-form';
import { addDays, formatDate, todayIso } from '../../components/format';
import type { CaseFormIn } from './form-schema';
import { basicRule, monthGrid, weekdayOf, type DayRule } from './foc-days';
import { useFocRule } from './use-foc-rule';
import { FeePreview } from './FeePreview';

interface Props {
  control: Control<CaseFormIn>;
  register: UseFormRegister<CaseFormIn>;
  errors: FieldErrors<CaseFormIn>;
  disabled?: boolean | undefined;
  caseId?: number | undefined;
  scheduled?: { focDate: string | null; status: string } | undefined;
}

const MONTH = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function FocField({ control, register, errors, disabled, caseId, scheduled }: Props) {
  const id = useId();
  const today = todayIso();
  const { field } = useController({ control, name: 'focDate' });
  const numbers = useWatch({ control, name: 'numbers' }) ?? [];
  const portCount = numbers.filter((n) => n.action !== 'keep').length;
  const canadian = numbers.some((n) => n.kind === 'canadian');
  const remote = useFocRule({ caseId, portCount, canadian, from: today });
  const rule: DayRule = remote.rule ?? basicRule(today);

  const value = field.value ?? '';
  const [typed, setTyped] = useState(value);
  const [refused, setRefused] = useState<string | null>(null);
  // The date can change from outside (undo, reload): show it in the text box.
  const [shownValue, setShownValue] = useState(value);
  if (shownValue !== value) {
    setShownValue(value);
    setTyped(value);
  }

  const start = value || today;
  const [cursor, setCursor] = useState(start);
  const [view, setView] = useState(() => ({
    y: Number(start.slice(0, 4)),
    m: Number(start.slice(5, 7)) - 1,
  }));
  const grid = useMemo(() => monthGrid(view.y, view.m), [view]);
  const gridRef = useRef<HTMLDivElement>(null);

  const choose = (iso: string) => {
    const info = rule(iso);
    if (!info.ok) {
      setRefused(`${formatDate(iso, true)} cannot be the FOC date. ${info.reason ?? ''}`.trim());
      return;
    }
    setRefused(null);
    field.onChange(iso);
  };

  const onTyped = () => {
    const t = typed.trim();
    if (!t) {
      setRefused(null);
      field.onChange(null);
      return;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(t + 'T00:00:00Z'))) {
      setRefused(`“${t}” is not a date; type it as YYYY-MM-DD or pick a day below.`);
      return;
    }
    setView({ y: Number(t.slice(0, 4)), m: Number(t.slice(5, 7)) - 1 });
    setCursor(t);
    choose(t);
  };

  const moveCursor = (days: number) => {
    const next = addDays(cursor, days);
    setCursor(next);
    setView({ y: Number(next.slice(0, 4)), m: Number(next.slice(5, 7)) - 1 });
    setTimeout(() => gridRef.current?.querySelector<HTMLButtonElement>(`[data-day="${next}"]`)?.focus(), 0);
  };

  const onGridKey = (e: React.KeyboardEvent) => {
    const map: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
      PageUp: -28,
      PageDown: 28,
    };
    const d = map[e.key];
    if (d !== undefined) {
      e.preventDefault();
      moveCursor(d);
    }
  };

  const shift = (months: number) => {
    const d = new Date(Date.UTC(view.y, view.m + months, 1));
    setView({ y: d.getUTCFullYear(), m: d.getUTCMonth() });
    const first = d.toISOString().slice(0, 10);
    setCursor(first);
  };

  const selectedInfo = value ? rule(value) : null;
  const error = errors.focDate?.message;

  return (
    <fieldset disabled={disabled} className="foc-field">
      <legend>Requested FOC</legend>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-date`}>FOC date</label>
          <input
            id={`${id}-date`}
            type="text"
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={onTyped}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                onTyped();
              }
            }}
            aria-invalid={refused || error ? true : undefined}
            aria-describedby={`${id}-foc-msg`}
            data-testid="foc-date-input"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-time`}>Time (ET, over 49 numbers only)</label>
          <input
            id={`${id}-time`}
            type="time"
            min="11:00"
            max="16:00"
            disabled={remote.timeChoosable === null ? portCount <= 49 : !remote.timeChoosable}
            {...register('focTime', { setValueAs: (v: string | null) => v || null })}
            aria-invalid={errors.focTime ? true : undefined}
          />
          {errors.focTime?.message && <span className="error-text">{errors.focTime.message}</span>}
        </div>
      </div>
      <div id={`${id}-foc-msg`} aria-live="polite">
        {refused && (
          <p className="error-text" role="alert" data-testid="foc-refused">
            {refused}
          </p>
        )}
        {error && <p className="error-text">{error}</p>}
        {!refused && value && selectedInfo && (
          <p className={selectedInfo.ok ? 'hint ok-text' : 'error-text'} data-testid="foc-selected">
            {selectedInfo.ok
              ? `${weekdayOf(value)}, ${formatDate(value)}: a valid port date. Window ${portCount > 49 ? 'as requested' : '11:00–13:00 ET'}.`
              : `${formatDate(value, true)}: ${selectedInfo.reason}`}
          </p>
        )}
        {remote.suggestions.length > 0 && (
          <p className="hint">
            Next valid dates:{' '}
            {remote.suggestions.slice(0, 4).map((s, i) => (
              <span key={s}>
                {i > 0 && ', '}
                <button type="button" className="link-btn" onClick={() => choose(s)}>
                  {formatDate(s, true)}
                </button>
              </span>
            ))}
          </p>
        )}
      </div>
      {caseId &&
        scheduled?.status === 'foc_scheduled' &&
        scheduled.focDate &&
        value !== scheduled.focDate && <FeePreview caseId={caseId} action="reschedule" />}
      <div className="cal">
        <div className="cal-head">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => shift(-1)}
            aria-label="Previous month"
          >
            ‹
          </button>
          <span className="cal-title" aria-live="polite">
            {MONTH.format(new Date(Date.UTC(view.y, view.m, 1)))}
          </span>
          <button type="button" className="btn btn-small" onClick={() => shift(1)} aria-label="Next month">
            ›
          </button>
        </div>
        <div
          className="cal-grid"
          role="grid"
          aria-label="Choose the FOC date"
          ref={gridRef}
          onKeyDown={onGridKey}
        >
          <div role="row" className="cal-row">
            {['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => (
              <span role="columnheader" key={d} className="cal-dow">
                {d}
              </span>
            ))}
          </div>
          {Array.from({ length: grid.length / 7 }, (_, w) => (
            <div role="row" className="cal-row" key={w}>
              {grid
                .slice(w * 7, w * 7 + 7)
                .map((iso, i) =>
                  iso ? (
                    <DayCell
                      key={iso}
                      iso={iso}
                      info={rule(iso)}
                      selected={iso === value}
                      today={iso === today}
                      focusable={iso === cursor || (!grid.includes(cursor) && iso.endsWith('-01'))}
                      onChoose={choose}
                    />
                  ) : (
                    <span role="gridcell" key={`e${i}`} />
                  ),
                )}
            </div>
          ))}
        </div>
        <p className="hint">
          Greyed days cannot be chosen; pick one to see why.{' '}
          {remote.source === 'basic' ? 'Holidays are checked when the case is checked.' : ''}
        </p>
      </div>
    </fieldset>
  );
}

function DayCell({
  iso,
  info,
  selected,
  today,
  focusable,
  onChoose,
}: {
  iso: string;
  info: { ok: boolean; reason: string | null };
  selected: boolean;
  today: boolean;
  focusable: boolean;
  onChoose: (iso: string) => void;
}) {
  return (
    <span role="gridcell" aria-selected={selected}>
      <button
        type="button"
        data-day={iso}
        className={`cal-day${info.ok ? '' : ' invalid'}${selected ? ' selected' : ''}${today ? ' today' : ''}`}
        aria-disabled={!info.ok || undefined}
        aria-label={`${formatDate(iso, true)}${info.ok ? '' : `, not available: ${info.reason}`}`}
        title={info.reason ?? undefined}
        tabIndex={focusable ? 0 : -1}
        onClick={() => onChoose(iso)}
      >
        {Number(iso.slice(8))}
      </button>
    </span>
  );
}
