import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type ReactNode,
  type Ref,
} from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ACCOUNT_TYPES, type CaseInput } from '../../../../shared/domain';
import { Field, SecretField } from '../../components/Field';
import { DeskCallError } from '../../desk/client';
import { useRouter } from '../../state/router';
import { CaseFormSchema, toWire, type CaseFormIn } from './form-schema';
import { NumbersEditor } from './NumbersEditor';
import { FocField } from './FocField';
import { SourceNote } from './SourceNote';
import type { FieldNote } from '../intake/prefill';

export interface CaseFormProps {
  defaults: CaseFormIn;
  /** Bumped by the parent when `defaults` is a fresh server copy that should replace the form. */
  resetToken: string | number;
  submitLabel: string;
  onSubmit: (input: CaseInput) => Promise<void>;
  readOnly?: boolean;
  readOnlyReason?: string;
  caseId?: number;
  /** Above the form, e.g. the conflict banner; receives the agent's current values. */
  banner?: (current: () => CaseFormIn) => ReactNode;
  /** Where a field's value came from the bill, shown under it. */
  fromBill?: Partial<Record<string, string>>;
  /** Where each prefilled value came from (the email, the bill) and what to check, by form field. */
  notes?: Record<string, FieldNote> | undefined;
  /** For the page: whether the agent has unsaved edits, and setting one field from outside. */
  apiRef?: Ref<CaseFormApi>;
  /** Saved FOC date and status, for the fee preview when a scheduled port moves. */
  scheduled?: { focDate: string | null; status: string } | undefined;
}

export interface CaseFormApi {
  isDirty: () => boolean;
  setField: (name: string, value: unknown) => void;
}

interface UndoEntry {
  name: string;
  label: string;
  old: unknown;
}

const nullIfEmpty = { setValueAs: (v: string | null) => (v === '' || v == null ? null : v) };

function labelOf(el: HTMLElement): string {
  const id = el.id;
  const lab = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
  return lab?.textContent?.trim() || el.getAttribute('aria-label') || el.getAttribute('name') || 'field';
}

export function CaseForm({
  defaults,
  resetToken,
  submitLabel,
  onSubmit,
  readOnly,
  readOnlyReason,
  caseId,
  banner,
  fromBill,
  notes,
  apiRef,
  scheduled,
}: CaseFormProps) {
  const form = useForm<CaseFormIn, unknown, CaseInput>({
    resolver: zodResolver(CaseFormSchema),
    defaultValues: defaults,
    mode: 'onTouched',
  });
  const { register, handleSubmit, formState, control, setValue, getValues, reset, setError, setFocus } = form;
  const { errors, isDirty, isSubmitting } = formState;
  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const focusRecord = useRef<{ name: string; value: unknown } | null>(null);
  const setGuard = useRouter((s) => s.setGuard);

  // A fresh server copy replaces the form (after a save or "load theirs"); undo starts over.
  const [seenToken, setSeenToken] = useState(resetToken);
  if (seenToken !== resetToken) {
    setSeenToken(resetToken);
    setUndo([]);
  }
  useEffect(() => {
    reset(defaults);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resetToken]);

  // Unsaved-changes protection: in-app navigation asks, and so does closing or reloading the tab.
  useEffect(() => {
    if (!isDirty) {
      setGuard(null);
      return;
    }
    setGuard(() => window.confirm('This case has unsaved changes. Leave without saving them?'));
    const onUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => {
      setGuard(null);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, [isDirty, setGuard]);

  useImperativeHandle(
    apiRef,
    () => ({
      isDirty: () => form.formState.isDirty,
      // Also moves the saved baseline for that field, so it does not count as an unsaved edit.
      setField: (name, value) =>
        form.resetField(name as FieldPath<CaseFormIn>, { defaultValue: value as never }),
    }),
    [form],
  );

  const pushUndo = useCallback((e: UndoEntry) => setUndo((u) => [...u.slice(-49), e]), []);

  const onFocusCapture = (e: React.FocusEvent<HTMLFormElement>) => {
    const el = e.target as unknown as HTMLInputElement;
    if (!el.name) return;
    focusRecord.current = { name: el.name, value: getValues(el.name as FieldPath<CaseFormIn>) };
  };
  const recordChange = (el: HTMLInputElement) => {
    const rec = focusRecord.current;
    if (!el.name || !rec || rec.name !== el.name) return;
    const now = getValues(el.name as FieldPath<CaseFormIn>);
    if (JSON.stringify(now) !== JSON.stringify(rec.value)) {
      pushUndo({ name: el.name, label: labelOf(el), old: rec.value });
      focusRecord.current = { name: el.name, value: now };
    }
  };
  const onBlurCapture = (e: React.FocusEvent<HTMLFormElement>) =>
    recordChange(e.target as unknown as HTMLInputElement);
  const onChangeCapture = (e: React.FormEvent<HTMLFormElement>) => {
    const el = e.target as unknown as HTMLInputElement;
    // Selects and checkboxes have no "typing"; each change is one edit. Run after RHF has stored it.
    if (el.tagName === 'SELECT' || el.type === 'checkbox') queueMicrotask(() => recordChange(el));
  };

  const doUndo = useCallback(() => {
    const last = undo[undo.length - 1];
    if (!last) return;
    setValue(last.name as FieldPath<CaseFormIn>, last.old as never, {
      shouldDirty: true,
      shouldValidate: true,
    });
    setUndo((u) => u.slice(0, -1));
    if (last.name !== 'numbers') setTimeout(() => setFocus(last.name as FieldPath<CaseFormIn>), 0);
  }, [undo, setValue, setFocus]);

  const onBeforeBulk = useCallback(
    (label: string) => pushUndo({ name: 'numbers', label, old: structuredClone(getValues('numbers')) }),
    [pushUndo, getValues],
  );

  const submit = handleSubmit(
    async (values) => {
      try {
        await onSubmit(toWire(values));
      } catch (err) {
        // Field problems from main go back onto the fields; the values stay as typed.
        if (err instanceof DeskCallError && err.code === 'BAD_ARGUMENT') {
          for (const i of err.issues)
            setError(i.path.replace(/^input\./, '') as FieldPath<CaseFormIn>, { message: i.message });
        }
      }
    },
    () => {
      setTimeout(
        () => document.querySelector<HTMLElement>('form.case-form [aria-invalid="true"]')?.focus(),
        0,
      );
    },
  );

  const e = errors;
  const hint = (k: string, formKey?: string) => {
    const n = formKey ? notes?.[formKey] : undefined;
    if (n) return <SourceNote note={n} />;
    return fromBill?.[k] ? <>On the bill: {fromBill[k]}</> : undefined;
  };
  const noteOf = (formKey: string) => (notes?.[formKey] ? <SourceNote note={notes[formKey]} /> : undefined);
  const errCount = countErrors(errors);
  const last = undo[undo.length - 1];

  return (
    <form
      className="case-form"
      noValidate
      onSubmit={(ev) => void submit(ev)}
      onFocusCapture={onFocusCapture}
      onBlurCapture={onBlurCapture}
      onChangeCapture={onChangeCapture}
      onKeyDown={(ev) => {
        if ((ev.ctrlKey || ev.metaKey) && ev.key === 's') {
          ev.preventDefault();
          void submit();
        }
      }}
      aria-label="Case details"
    >
      {banner?.(() => getValues())}
      {readOnly && readOnlyReason && <p className="banner banner-info">{readOnlyReason}</p>}
      {errCount > 0 && formState.isSubmitted && (
        <div className="banner banner-error" role="alert">
          {errCount === 1 ? 'One field needs attention' : `${errCount} fields need attention`} before this
          case can be saved.
        </div>
      )}
      <div className="form-actions sticky-actions">
        <button type="submit" className="btn btn-primary" disabled={readOnly || isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </button>
        <button
          type="button"
          className="btn"
          onClick={doUndo}
          disabled={!last}
          title="Ctrl+Z outside a text box"
        >
          {last ? `Undo ${last.label}` : 'Undo'}
        </button>
        {isDirty ? (
          <span className="muted">Unsaved changes</span>
        ) : (
          <span className="muted">All changes saved</span>
        )}
      </div>
      <div className="grid-2">
        <fieldset disabled={readOnly}>
          <legend>Customer</legend>
          <Field
            label="Account name"
            reg={register('customer.accountName')}
            error={e.customer?.accountName?.message}
            hint={hint('accountName', 'customer.accountName')}
            autoComplete="off"
          />
          <div className="row">
            <div className="field">
              <label htmlFor="accountType">Account type</label>
              <select id="accountType" {...register('customer.accountType')}>
                {ACCOUNT_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {t === 'business' ? 'Business' : 'Residential'}
                  </option>
                ))}
              </select>
            </div>
            <Field
              label="Account number"
              reg={register('customer.accountNumber')}
              error={e.customer?.accountNumber?.message}
              hint={hint('accountNumber', 'customer.accountNumber')}
              autoComplete="off"
            />
          </div>
          <div className="row">
            <Field
              label="BTN (billing telephone number)"
              type="tel"
              reg={register('customer.btn')}
              error={e.customer?.btn?.message}
              hint={hint('btn', 'customer.btn')}
              autoComplete="off"
            />
            <Field
              label="Losing carrier"
              reg={register('customer.losingCarrier')}
              error={e.customer?.losingCarrier?.message}
              hint={hint('carrier', 'customer.losingCarrier')}
              autoComplete="off"
            />
          </div>
          <div className="row">
            <SecretField
              label="Port-out PIN"
              reg={register('customer.pin', nullIfEmpty)}
              error={e.customer?.pin?.message}
              hint={
                notes?.['customer.pin'] ? (
                  <SourceNote note={notes['customer.pin']} />
                ) : (
                  'Not the voicemail PIN. Required for wireless accounts.'
                )
              }
            />
            <div className="field">
              <span className="label">Account kind</span>
              <label className="check">
                <input type="checkbox" {...register('customer.wireless')} /> Wireless account
              </label>
            </div>
          </div>
        </fieldset>
        <fieldset disabled={readOnly}>
          <legend>Authorized person (signs the LOA)</legend>
          <div className="row">
            <Field
              label="Name"
              reg={register('authorized.name')}
              error={e.authorized?.name?.message}
              hint={noteOf('authorized.name')}
              autoComplete="off"
            />
            <Field
              label="Title"
              reg={register('authorized.title')}
              error={e.authorized?.title?.message}
              hint={noteOf('authorized.title')}
              autoComplete="off"
            />
          </div>
          <div className="row">
            <Field
              label="Email"
              type="email"
              reg={register('authorized.email')}
              error={e.authorized?.email?.message}
              hint={noteOf('authorized.email')}
              autoComplete="off"
            />
            <Field
              label="Phone"
              type="tel"
              reg={register('authorized.phone')}
              error={e.authorized?.phone?.message}
              hint={noteOf('authorized.phone')}
              autoComplete="off"
            />
          </div>
          <div className="field">
            <span className="label">Good to know</span>
            <label className="check">
              <input type="checkbox" {...register('flags.dsl')} /> DSL on the line (stops working after the
              port)
            </label>
            <label className="check">
              <input type="checkbox" {...register('flags.contractTerm')} /> Under contract (early termination
              fee may apply)
            </label>
            <label className="check">
              <input type="checkbox" {...register('flags.personalCell')} /> Personal cell number (2FA codes
              may stop)
            </label>
          </div>
        </fieldset>
      </div>
      <fieldset disabled={readOnly}>
        <legend>Service address (exactly as on the bill)</legend>
        <div className="row">
          <Field
            label="Street"
            reg={register('serviceAddress.line1')}
            error={e.serviceAddress?.line1?.message}
            hint={hint('serviceAddress', 'serviceAddress')}
            autoComplete="off"
          />
          <Field
            label="Suite / unit"
            reg={register('serviceAddress.line2', nullIfEmpty)}
            error={e.serviceAddress?.line2?.message}
            autoComplete="off"
          />
        </div>
        <div className="row">
          <Field
            label="City"
            reg={register('serviceAddress.city')}
            error={e.serviceAddress?.city?.message}
            autoComplete="off"
          />
          <Field
            label="State"
            reg={register('serviceAddress.state')}
            error={e.serviceAddress?.state?.message}
            autoComplete="off"
          />
          <Field
            label="ZIP"
            reg={register('serviceAddress.zip')}
            error={e.serviceAddress?.zip?.message}
            autoComplete="off"
          />
        </div>
      </fieldset>
      {notes?.numbers && (
        <p className="source-line" data-testid="numbers-source">
          Numbers: <SourceNote note={notes.numbers} />
        </p>
      )}
      <NumbersEditor
        control={control}
        register={register}
        setValue={setValue}
        errors={errors}
        disabled={readOnly}
        onBeforeBulk={onBeforeBulk}
      />
      {notes?.focDate && (
        <p className="source-line">
          Requested port date: <SourceNote note={notes.focDate} />
        </p>
      )}
      <div className="grid-2">
        <FocField
          control={control}
          register={register}
          errors={errors}
          disabled={readOnly}
          caseId={caseId}
          scheduled={scheduled}
        />
        <fieldset disabled={readOnly}>
          <legend>Partial port and notes</legend>
          <Field
            label="New BTN (when the BTN ports and other numbers stay)"
            type="tel"
            reg={register('newBtn', {
              setValueAs: (v: string | null) => (v ? String(v).replace(/\D/g, '') || null : null),
            })}
            error={e.newBtn?.message}
            autoComplete="off"
          />
          <div className="field">
            <label htmlFor="case-notes">Notes</label>
            <textarea id="case-notes" rows={3} {...register('notes')} />
          </div>
        </fieldset>
      </div>
      <UndoShortcut onUndo={doUndo} enabled={!!last} />
    </form>
  );
}

function UndoShortcut({ onUndo, enabled }: { onUndo: () => void; enabled: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      // Inside a text box Ctrl+Z belongs to the browser's own text undo.
      if (!enabled || !(e.ctrlKey || e.metaKey) || e.key !== 'z' || ['INPUT', 'TEXTAREA'].includes(t.tagName))
        return;
      e.preventDefault();
      onUndo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onUndo, enabled]);
  return null;
}

function countErrors(obj: unknown): number {
  if (!obj || typeof obj !== 'object') return 0;
  const o = obj as Record<string, unknown>;
  if (typeof o.message === 'string' && 'type' in o) return 1;
  return Object.values(o).reduce<number>((n, v) => n + countErrors(v), 0);
}
