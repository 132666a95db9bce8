-- Alias search by trigram index (issue #10; docs/decisions/0013-browse-sql.md). Hand-written: pg_trgm
-- indexes cannot be stated in schema.prisma. Alias keys are matched as substrings (`key LIKE '%…%'`,
-- lib/data/sql/dialect.ts); without these a search scanned every alias, 35–75 ms at 133,000 of them.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "PersonAlias_key_trgm_idx" ON "PersonAlias" USING gin ("key" gin_trgm_ops);
CREATE INDEX "CompanyAlias_key_trgm_idx" ON "CompanyAlias" USING gin ("key" gin_trgm_ops);
