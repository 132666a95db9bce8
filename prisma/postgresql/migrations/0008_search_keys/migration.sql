-- Hand-written migration (postgresql), written by `npm run db:migration`.


-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.

-- Forgiving name search (issue #14; docs/decisions/0070-one-forgiving-search.md). Hand-written: SQL
-- functions and expression indexes cannot be stated in schema.prisma. search_fold() folds the kana
-- variants of a name key exactly as lib/domain/names.ts foldKana does (KANA_FOLDS; tests/unit/search.test.ts
-- checks they agree); the pg_trgm indexes over it serve the folded substring and trigram matches of lib/search.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE FUNCTION search_fold(key text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(key, 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ') $$;
CREATE INDEX "PersonAlias_fold_trgm_idx" ON "PersonAlias" USING gin (search_fold("key") gin_trgm_ops);
CREATE INDEX "CompanyAlias_fold_trgm_idx" ON "CompanyAlias" USING gin (search_fold("key") gin_trgm_ops);
