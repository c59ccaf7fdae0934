// The list's query lives outside the component so going to a case and back keeps the agent's
// search, filter, sort and place in the list.
import { create } from 'zustand';
import { CASE_STATUSES, OPEN_STATUSES, type CaseStatus } from '../../../../shared/status';

export type SortKey = 'updated' | 'created' | 'name' | 'foc' | 'status';

export const FILTERS: { value: string; label: string; statuses: readonly CaseStatus[] }[] = [
  { value: 'all', label: 'All statuses', statuses: [] },
  { value: 'open', label: 'Open cases', statuses: OPEN_STATUSES },
  { value: 'attention', label: 'Needs action', statuses: ['action_required', 'rejected'] },
  ...CASE_STATUSES.map((s) => ({ value: s, label: '', statuses: [s] as const })),
];

interface ListState {
  query: string;
  filter: string;
  /** Team desk: '' anyone's, 'me', 'unassigned', or an agent's email. */
  assignee: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  active: number;
  scrollTop: number;
  set: (p: Partial<Omit<ListState, 'set'>>) => void;
}

export const useListState = create<ListState>((set) => ({
  query: '',
  filter: 'all',
  assignee: '',
  sort: 'updated',
  dir: 'desc',
  active: 0,
  scrollTop: 0,
  set: (p) => set(p),
}));

export function statusesFor(filter: string): CaseStatus[] {
  return [...(FILTERS.find((f) => f.value === filter)?.statuses ?? [])];
}
