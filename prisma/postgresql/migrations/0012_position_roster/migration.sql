-- Schema change since HEAD (postgresql), written by `npm run db:migration`.
-- CreateIndex
CREATE INDEX "Position_roster_idx" ON "Position"("companyId", "scope", "startEarliest", "endLatest", "personId", "roleCategory", "reportsToPersonId", "title", "startLatest", "endEarliest", "startText", "endText", "id");

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
