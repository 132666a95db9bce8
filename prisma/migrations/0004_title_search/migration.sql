-- Title search through an index (issue #10; docs/decisions/0013-browse-sql.md). Hand-written: FTS5
-- virtual tables and triggers cannot be stated in schema.prisma, and a migration generated from the
-- schema knows nothing of them. A later migration that rebuilds "Event" (Prisma's RedefineTables) drops
-- the triggers and the index below and must recreate them (tests/unit/find-events.test.ts notices).
--
-- The index is over the distinct titles, not over every event: a title such as "Chief" matches a tenth
-- of all events, and fetching each of them by id costs more than the scan it replaces. The titles that
-- match are found through the FTS5 trigram index (a case-insensitive substring match for three characters
-- or more), then the events holding them through an ordinary index on Event.role.

-- Every title ever recorded on an event, once. Rows are never removed: a title no event holds any
-- more matches nothing, and keeping it makes the upkeep a single insert.
CREATE TABLE "EventRole" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL
);
CREATE UNIQUE INDEX "EventRole_role_key" ON "EventRole"("role");

-- External content: the FTS table stores only the trigram index and reads titles from "EventRole".
CREATE VIRTUAL TABLE "EventRoleSearch" USING fts5("role", content='EventRole', content_rowid='id', tokenize='trigram');

CREATE TRIGGER "EventRole_search_insert" AFTER INSERT ON "EventRole" BEGIN
    INSERT INTO "EventRoleSearch"(rowid, "role") VALUES (new."id", new."role");
END;

-- INSERT … WHERE NOT EXISTS rather than INSERT OR IGNORE: inside a trigger the outer statement's
-- conflict policy (an INSERT OR REPLACE into "Event") would override OR IGNORE and renumber the title.
CREATE TRIGGER "Event_role_insert" AFTER INSERT ON "Event" WHEN new."role" IS NOT NULL BEGIN
    INSERT INTO "EventRole"("role") SELECT new."role" WHERE NOT EXISTS (SELECT 1 FROM "EventRole" WHERE "role" = new."role");
END;

CREATE TRIGGER "Event_role_update" AFTER UPDATE OF "role" ON "Event" WHEN new."role" IS NOT NULL BEGIN
    INSERT INTO "EventRole"("role") SELECT new."role" WHERE NOT EXISTS (SELECT 1 FROM "EventRole" WHERE "role" = new."role");
END;

INSERT INTO "EventRole"("role") SELECT DISTINCT "role" FROM "Event" WHERE "role" IS NOT NULL;

-- The events holding a title, covering every column the other filters and the sort read, so a title
-- search counts without touching the table.
CREATE INDEX "Event_browse_title_idx" ON "Event"("role", "sortDate", "dateLatest", "status", "kind", "roleCategory", "companyId", "destinationId");
