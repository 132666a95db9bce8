-- Hand-written migration (sqlite), written by `npm run db:migration`.


-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.

-- Forgiving name search (issue #14; docs/decisions/0070-one-forgiving-search.md). Hand-written: FTS5
-- tables and triggers cannot be stated in schema.prisma. Each alias key (lib/domain/names.ts
-- normalizeName) is indexed once more with its kana variants folded (KANA_FOLDS: ヴァ→バ, ー dropped,
-- small kana → large), as trigrams: a quoted phrase finds substrings, an OR of the query's trigrams finds
-- the candidates for a misspelling (lib/search). Kept by triggers, so the write path needs no change.
-- A later migration that rebuilds "PersonAlias" or "CompanyAlias" (Prisma's RedefineTables) drops these
-- triggers and must recreate them (tests/unit/search.test.ts notices).
CREATE VIRTUAL TABLE "PersonAliasSearch" USING fts5("fold", tokenize='trigram');
CREATE VIRTUAL TABLE "CompanyAliasSearch" USING fts5("fold", tokenize='trigram');

CREATE TRIGGER "PersonAlias_search_insert" AFTER INSERT ON "PersonAlias" BEGIN
    INSERT INTO "PersonAliasSearch"(rowid, "fold") VALUES (new."id", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new."key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ'));
END;
CREATE TRIGGER "PersonAlias_search_update" AFTER UPDATE OF "key" ON "PersonAlias" BEGIN
    UPDATE "PersonAliasSearch" SET "fold" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new."key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ') WHERE rowid = old."id";
END;
CREATE TRIGGER "PersonAlias_search_delete" AFTER DELETE ON "PersonAlias" BEGIN
    DELETE FROM "PersonAliasSearch" WHERE rowid = old."id";
END;
INSERT INTO "PersonAliasSearch"(rowid, "fold") SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ') FROM "PersonAlias";

CREATE TRIGGER "CompanyAlias_search_insert" AFTER INSERT ON "CompanyAlias" BEGIN
    INSERT INTO "CompanyAliasSearch"(rowid, "fold") VALUES (new."id", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new."key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ'));
END;
CREATE TRIGGER "CompanyAlias_search_update" AFTER UPDATE OF "key" ON "CompanyAlias" BEGIN
    UPDATE "CompanyAliasSearch" SET "fold" = replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(new."key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ') WHERE rowid = old."id";
END;
CREATE TRIGGER "CompanyAlias_search_delete" AFTER DELETE ON "CompanyAlias" BEGIN
    DELETE FROM "CompanyAliasSearch" WHERE rowid = old."id";
END;
INSERT INTO "CompanyAliasSearch"(rowid, "fold") SELECT "id", replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace("key", 'ヴァ', 'バ'), 'ヴィ', 'ビ'), 'ヴェ', 'ベ'), 'ヴォ', 'ボ'), 'ヴ', 'ブ'), 'ー', ''), 'ァ', 'ア'), 'ィ', 'イ'), 'ゥ', 'ウ'), 'ェ', 'エ'), 'ォ', 'オ'), 'ッ', 'ツ'), 'ャ', 'ヤ'), 'ュ', 'ユ'), 'ョ', 'ヨ'), 'ヮ', 'ワ'), 'ヵ', 'カ'), 'ヶ', 'ケ'), 'ヂ', 'ジ'), 'ヅ', 'ズ') FROM "CompanyAlias";
