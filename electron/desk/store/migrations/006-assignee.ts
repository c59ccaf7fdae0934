// Migration 6: who works a case. The agent's email on a team desk (null: unassigned). A personal
// desk never assigns, but keeps the column so both backends have one Case shape.
export const sql = /* sql */ `
ALTER TABLE cases ADD COLUMN assignee TEXT;
CREATE INDEX cases_assignee_updated ON cases (assignee, updated_at, id);
`;
