-- Hand-written migration (postgresql), written by `npm run db:migration`.


-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.

-- The destination and total grains lose their role category (docs/decisions/0075-event-rollups.md, update
-- of session 4): a role filter also matches an event's title words, so no read of the rollup ever selects on
-- role, and the dimension only multiplied these grains' rows by eight (the whole database's destinations
-- chart summed 44,000 rows). The period grain keeps it: its chart stacks by role category. Rebuilt from the
-- events exactly as lib/ingest/rollups.ts counts them from now on (lib/domain/event-rollup-keys.ts).

DELETE FROM "EventRollup" WHERE "grain" IN ('destination', 'total');

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'destination', e."companyId", '', '', COALESCE(e."destinationId", 0), COALESCE(CAST(e."destinationRelation" AS TEXT), ''), '', CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'destination', 0, '', '', COALESCE(e."destinationId", 0), COALESCE(CAST(e."destinationRelation" AS TEXT), ''), '', CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'total', e."companyId", '', '', 0, '', '', CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;

INSERT INTO "EventRollup" ("grain", "companyId", "earliest", "latest", "destinationId", "relation", "roleCategory", "kind", "status", "n")
SELECT 'total', 0, '', '', 0, '', '', CAST(e."kind" AS TEXT), CAST(e."status" AS TEXT), COUNT(*)
FROM "Event" e WHERE NOT (e."claimCount" = 0 AND e."status" <> 'retracted')
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
