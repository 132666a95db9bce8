-- Alias search by trigram index (issue #10; docs/decisions/0013-browse-sql.md): PostgreSQL only.
-- On SQLite the search stays instr() over the keys, a scan of about 10 ms at 133,000 aliases; this
-- migration exists so both providers keep the same list of migrations, and does nothing here.
SELECT 1;
