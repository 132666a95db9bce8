-- Schema change since HEAD (postgresql), written by `npm run db:migration`.
-- CreateTable
CREATE TABLE "EventRollup" (
    "id" SERIAL NOT NULL,
    "grain" TEXT NOT NULL,
    "companyId" INTEGER NOT NULL,
    "earliest" TEXT NOT NULL DEFAULT '',
    "latest" TEXT NOT NULL DEFAULT '',
    "destinationId" INTEGER NOT NULL DEFAULT 0,
    "relation" TEXT NOT NULL DEFAULT '',
    "roleCategory" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "EventRollup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EventRollup_key" ON "EventRollup"("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status");

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.

-- Backfill (hand-written, the same on both providers): every event counted once per grain, per company and
-- (companyId 0) over every company, exactly as lib/ingest/rollups.ts counts it from then on. An event with no
-- active claim that is not retracted exists only inside the transaction creating it, before its first
-- recompute (a recomputed event with no active claim is retracted), so it is not counted.

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'period', e."companyId", substr(e."sortDate", 1, 7), COALESCE(substr(e."dateLatest", 1, 7), ''), 0, '', COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'period', 0, substr(e."sortDate", 1, 7), COALESCE(substr(e."dateLatest", 1, 7), ''), 0, '', COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'destination', e."companyId", '', '', COALESCE(e."destinationId", 0), COALESCE(CAST(e."destinationRelation" AS TEXT), ''), COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'destination', 0, '', '', COALESCE(e."destinationId", 0), COALESCE(CAST(e."destinationRelation" AS TEXT), ''), COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'total', e."companyId", '', '', 0, '', COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'total', 0, '', '', 0, '', COALESCE(CAST(e."roleCategory" AS TEXT), ''), CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
