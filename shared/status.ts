// Case status state machine, from DOMAIN.md "Case statuses". Pure: used by the store (to refuse
// illegal transitions), the renderer (to offer only legal next steps) and property tests.

export const CASE_STATUSES = [
  'draft',
  'waiting_signature',
  'port_submitted',
  'in_progress',
  'port_pending',
  'in_review',
  'action_required',
  'foc_scheduled',
  'completed',
  'rejected',
  'canceling',
  'canceled',
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: 'Draft',
  waiting_signature: 'Waiting for Signature',
  port_submitted: 'Port Submitted',
  in_progress: 'In Progress',
  port_pending: 'Port Pending',
  in_review: 'In Review',
  action_required: 'Action Required',
  foc_scheduled: 'FOC Scheduled',
  completed: 'Completed',
  rejected: 'Rejected',
  canceling: 'Canceling',
  canceled: 'Canceled',
};

// Before the request reaches a carrier a case can be dropped outright; afterwards it must go
// through Canceling, because the gaining carrier has to withdraw the order first.
const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['waiting_signature', 'port_submitted', 'canceled'],
  waiting_signature: ['port_submitted', 'draft', 'canceled'],
  port_submitted: ['in_progress', 'action_required', 'draft', 'canceling'],
  in_progress: ['port_pending', 'action_required', 'rejected', 'canceling'],
  port_pending: ['in_review', 'foc_scheduled', 'action_required', 'rejected', 'canceling'],
  in_review: ['foc_scheduled', 'action_required', 'rejected', 'canceling'],
  action_required: ['in_progress', 'port_pending', 'in_review', 'draft', 'rejected', 'canceling'],
  foc_scheduled: ['completed', 'action_required', 'rejected', 'canceling'],
  // A rejected case is edited (back to Draft) or resubmitted as it is.
  rejected: ['draft', 'in_progress', 'canceled'],
  canceling: ['canceled', 'action_required'],
  completed: [],
  canceled: [],
};

/** Statuses in which the case is still being worked (used for duplicate-number checks). */
export const OPEN_STATUSES: readonly CaseStatus[] = CASE_STATUSES.filter(
  (s) => s !== 'completed' && s !== 'canceled',
);

/** Statuses in which the request fields may still be edited by the agent. */
export const EDITABLE_STATUSES: readonly CaseStatus[] = [
  'draft',
  'waiting_signature',
  'action_required',
  'rejected',
];

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export class IllegalTransitionError extends Error {
  readonly code = 'ILLEGAL_TRANSITION';
  constructor(
    readonly from: CaseStatus,
    readonly to: CaseStatus,
  ) {
    const allowed = TRANSITIONS[from].map((s) => STATUS_LABELS[s]);
    super(
      `A case cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}` +
        (allowed.length
          ? `; from ${STATUS_LABELS[from]} it can go to: ${allowed.join(', ')}.`
          : `; ${STATUS_LABELS[from]} is final.`),
    );
    this.name = 'IllegalTransitionError';
  }
}

/** Throws IllegalTransitionError unless from -> to is legal. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
}

/** A rejection must carry its reason (and the carrier's code where it gave one). */
export const REJECTION_REASONS = [
  'Information does not match',
  'Unpaid balance',
  'Number not unlocked (port-out protection)',
  'PIN invalid',
  'Pending order',
  'Number not in service',
  'FOC expired',
  'Other',
] as const;
