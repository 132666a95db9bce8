-- Title search through an index (issue #10; docs/decisions/0013-browse-sql.md). Hand-written: pg_trgm
-- indexes, the trigger and its function cannot be stated in schema.prisma. The same design as the
-- SQLite migration of the same name: the index is over the distinct titles ("EventRole"), because a
-- common title matches a tenth of all events and fetching each of them costs more than a scan.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Every title ever recorded on an event, once; never removed (a title no event holds matches nothing).
CREATE TABLE "EventRole" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL
);
CREATE UNIQUE INDEX "EventRole_role_key" ON "EventRole"("role");

-- Trigram index: ILIKE '%text%' with three characters or more is an index search.
CREATE INDEX "EventRole_role_trgm_idx" ON "EventRole" USING gin ("role" gin_trgm_ops);

CREATE FUNCTION "Event_remember_role"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."role" IS NOT NULL THEN
        INSERT INTO "EventRole"("role") VALUES (NEW."role") ON CONFLICT ("role") DO NOTHING;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_role_insert" AFTER INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION "Event_remember_role"();
CREATE TRIGGER "Event_role_update" AFTER UPDATE OF "role" ON "Event" FOR EACH ROW EXECUTE FUNCTION "Event_remember_role"();

INSERT INTO "EventRole"("role") SELECT DISTINCT "role" FROM "Event" WHERE "role" IS NOT NULL ON CONFLICT ("role") DO NOTHING;

-- The events holding a title, covering the columns the other filters and the sort read.
CREATE INDEX "Event_browse_title_idx" ON "Event"("role", "sortDate", "dateLatest", "status", "kind", "roleCategory", "companyId", "destinationId");

-- Name sorts compare in code-point order (COLLATE "C", lib/data/sql/dialect.ts) whatever the database's
-- default collation; these indexes serve those sorts (SQLite's BINARY default needs nothing more).
CREATE INDEX "Person_name_c_idx" ON "Person"("name" COLLATE "C", "id");
CREATE INDEX "Company_name_c_idx" ON "Company"("name" COLLATE "C", "id");
