-- Schema change since HEAD (sqlite), written by `npm run db:migration`.
-- CreateIndex
CREATE INDEX "EventRollup_period_idx" ON "EventRollup"("grain", "companyId", "roleCategory", "earliest", "latest", "kind", "status", "n");

-- CreateIndex
CREATE INDEX "EventRollup_destination_idx" ON "EventRollup"("grain", "companyId", "destinationId", "relation", "kind", "status", "n");

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
