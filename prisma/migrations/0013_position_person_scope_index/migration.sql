-- Schema change since HEAD (sqlite), written by `npm run db:migration`.
-- DropIndex
DROP INDEX "Position_personId_idx";

-- CreateIndex
CREATE INDEX "Position_personId_companyId_scope_endText_idx" ON "Position"("personId", "companyId", "scope", "endText");

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
