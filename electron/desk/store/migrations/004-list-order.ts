// Migration 4: indexes for sorting the list by status in pipeline order (Draft → … → Canceled)
// without sorting every case on each page. The CASE expression must stay identical to
// statusRankSql('status') in store/list.ts, or SQLite stops using these indexes; a unit test
// checks that. A change to the status list therefore ships as a new migration.
export const sql = /* sql */ `
CREATE INDEX cases_status_rank_asc ON cases (
  (CASE status WHEN 'draft' THEN 0 WHEN 'waiting_signature' THEN 1 WHEN 'port_submitted' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'port_pending' THEN 4 WHEN 'in_review' THEN 5 WHEN 'action_required' THEN 6 WHEN 'foc_scheduled' THEN 7 WHEN 'completed' THEN 8 WHEN 'rejected' THEN 9 WHEN 'canceling' THEN 10 WHEN 'canceled' THEN 11 END),
  updated_at DESC, id DESC
);
CREATE INDEX cases_status_rank_desc ON cases (
  (CASE status WHEN 'draft' THEN 0 WHEN 'waiting_signature' THEN 1 WHEN 'port_submitted' THEN 2 WHEN 'in_progress' THEN 3 WHEN 'port_pending' THEN 4 WHEN 'in_review' THEN 5 WHEN 'action_required' THEN 6 WHEN 'foc_scheduled' THEN 7 WHEN 'completed' THEN 8 WHEN 'rejected' THEN 9 WHEN 'canceling' THEN 10 WHEN 'canceled' THEN 11 END) DESC,
  updated_at DESC, id DESC
);
`;
