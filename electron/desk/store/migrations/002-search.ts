// Migration 2: full-text search over name, numbers, account number and address.
// The trigram tokenizer makes every column substring-searchable, so "0124" finds 2125550124 and
// "plumb" finds "Acme Plumbing" without storing extra prefix/suffix tokens. rowid = cases.id.
// The store keeps it in sync in the same transaction as each write (see store/search.ts for
// what goes in each column); the backfill below mirrors that for cases that predate search.
export const sql = /* sql */ `
CREATE VIRTUAL TABLE cases_fts USING fts5 (
  name, numbers, account, address,
  tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO cases_fts (rowid, name, numbers, account, address)
SELECT c.id,
       c.account_name,
       trim(c.btn || ' ' || coalesce(c.new_btn, '') || ' ' ||
            coalesce((SELECT group_concat(n.number, ' ') FROM numbers n WHERE n.case_id = c.id), '')),
       c.account_number || ' ' || replace(replace(replace(c.account_number, '-', ''), ' ', ''), '.', ''),
       c.svc_line1 || ' ' || coalesce(c.svc_line2, '') || ' ' || c.svc_city || ' ' || c.svc_state || ' ' || c.svc_zip
FROM cases c;
`;
