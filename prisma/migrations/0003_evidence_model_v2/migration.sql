-- AlterTable
ALTER TABLE "Source" ADD COLUMN "accessedAt" TEXT;
ALTER TABLE "Source" ADD COLUMN "archiveUrl" TEXT;
ALTER TABLE "Source" ADD COLUMN "text" TEXT;
ALTER TABLE "Source" ADD COLUMN "textSha256" TEXT;
ALTER TABLE "Source" ADD COLUMN "titleEnglish" TEXT;

-- CreateTable
CREATE TABLE "PositionEvent" (
    "positionId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,

    PRIMARY KEY ("positionId", "eventId"),
    CONSTRAINT "PositionEvent_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceCitation" (
    "citingId" INTEGER NOT NULL,
    "citedId" INTEGER NOT NULL,

    PRIMARY KEY ("citingId", "citedId"),
    CONSTRAINT "SourceCitation_citingId_fkey" FOREIGN KEY ("citingId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceCitation_citedId_fkey" FOREIGN KEY ("citedId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);


-- Data: Position.eventIds (a JSON list) becomes PositionEvent rows, copied before Position is redefined.
INSERT OR IGNORE INTO "PositionEvent" ("positionId", "eventId")
SELECT p."id", j."value" FROM "Position" p, json_each(p."eventIds") j WHERE j."value" IN (SELECT "id" FROM "Event");

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Position" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "companyId" INTEGER NOT NULL,
    "title" TEXT,
    "roleCategory" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'company',
    "team" TEXT,
    "startText" TEXT,
    "startPrecision" TEXT,
    "startEarliest" TEXT,
    "startLatest" TEXT,
    "endText" TEXT,
    "endPrecision" TEXT,
    "endEarliest" TEXT,
    "endLatest" TEXT,
    "reportsToPersonId" INTEGER,
    CONSTRAINT "Position_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Position_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Position_reportsToPersonId_fkey" FOREIGN KEY ("reportsToPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Position" ("companyId", "endEarliest", "endLatest", "endPrecision", "endText", "id", "personId", "reportsToPersonId", "roleCategory", "startEarliest", "startLatest", "startPrecision", "startText", "team", "title") SELECT "companyId", "endEarliest", "endLatest", "endPrecision", "endText", "id", "personId", "reportsToPersonId", "roleCategory", "startEarliest", "startLatest", "startPrecision", "startText", "team", "title" FROM "Position";
DROP TABLE "Position";
ALTER TABLE "new_Position" RENAME TO "Position";
CREATE INDEX "Position_companyId_startEarliest_idx" ON "Position"("companyId", "startEarliest");
CREATE INDEX "Position_personId_idx" ON "Position"("personId");
CREATE TABLE "new_Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" INTEGER NOT NULL,
    "companyId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "manner" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'company',
    "role" TEXT,
    "roleCategory" TEXT,
    "team" TEXT,
    "dateText" TEXT,
    "datePrecision" TEXT,
    "dateEarliest" TEXT,
    "dateLatest" TEXT,
    "sortDate" TEXT NOT NULL DEFAULT '',
    "destinationId" INTEGER,
    "destinationRelation" TEXT,
    "status" TEXT NOT NULL DEFAULT 'reported',
    "reason" TEXT,
    "reasonEvidence" TEXT,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "sourceCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Event_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("claimCount", "companyId", "createdAt", "dateEarliest", "dateLatest", "datePrecision", "dateText", "destinationId", "destinationRelation", "id", "kind", "personId", "reason", "reasonEvidence", "role", "roleCategory", "sortDate", "sourceCount", "status", "team", "updatedAt") SELECT "claimCount", "companyId", "createdAt", "dateEarliest", "dateLatest", "datePrecision", "dateText", "destinationId", "destinationRelation", "id", "kind", "personId", "reason", "reasonEvidence", "role", "roleCategory", "sortDate", "sourceCount", "status", "team", "updatedAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE INDEX "Event_sortDate_id_idx" ON "Event"("sortDate", "id");
CREATE INDEX "Event_companyId_sortDate_id_idx" ON "Event"("companyId", "sortDate", "id");
CREATE INDEX "Event_destinationId_sortDate_id_idx" ON "Event"("destinationId", "sortDate", "id");
CREATE INDEX "Event_personId_companyId_kind_idx" ON "Event"("personId", "companyId", "kind");
CREATE INDEX "Event_status_sortDate_id_idx" ON "Event"("status", "sortDate", "id");
CREATE INDEX "Event_browse_company_idx" ON "Event"("companyId", "sortDate", "dateLatest", "status", "roleCategory", "kind", "destinationId");
CREATE INDEX "Event_browse_role_idx" ON "Event"("roleCategory", "sortDate", "dateLatest", "status", "kind", "destinationId");
CREATE INDEX "Event_browse_kind_idx" ON "Event"("kind", "sortDate", "dateLatest", "status", "roleCategory", "destinationId");
CREATE INDEX "Event_browse_destination_idx" ON "Event"("destinationId", "sortDate", "dateLatest", "status", "kind", "roleCategory");
CREATE INDEX "Event_browse_relation_idx" ON "Event"("destinationRelation", "sortDate", "dateLatest", "status", "kind", "roleCategory");
CREATE INDEX "Event_browse_date_idx" ON "Event"("sortDate", "dateLatest", "status", "companyId", "roleCategory", "kind", "destinationId");
CREATE TABLE "new_Claim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "excerpt" TEXT NOT NULL,
    "translation" TEXT,
    "context" TEXT,
    "contextTranslation" TEXT,
    "kind" TEXT NOT NULL,
    "manner" TEXT,
    "scope" TEXT NOT NULL DEFAULT 'company',
    "role" TEXT,
    "roleCategory" TEXT,
    "team" TEXT,
    "dateText" TEXT,
    "datePrecision" TEXT,
    "dateEarliest" TEXT,
    "dateLatest" TEXT,
    "dateBasis" TEXT,
    "datePhrase" TEXT,
    "destinationId" INTEGER,
    "destinationRelation" TEXT,
    "reason" TEXT,
    "reasonEvidence" TEXT,
    "reportsToPersonId" INTEGER,
    "note" TEXT,
    "state" TEXT NOT NULL DEFAULT 'active',
    "stateReason" TEXT,
    "editor" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_reportsToPersonId_fkey" FOREIGN KEY ("reportsToPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("createdAt", "dateEarliest", "dateLatest", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "sourceId", "state", "stateReason", "team", "translation") SELECT "createdAt", "dateEarliest", "dateLatest", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "sourceId", "state", "stateReason", "team", "translation" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_dedupKey_key" ON "Claim"("dedupKey");
CREATE INDEX "Claim_eventId_idx" ON "Claim"("eventId");
CREATE INDEX "Claim_sourceId_idx" ON "Claim"("sourceId");
CREATE INDEX "Claim_reportsToPersonId_idx" ON "Claim"("reportsToPersonId");
CREATE TABLE "new_Change" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "eventId" INTEGER,
    "claimId" INTEGER,
    "summary" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    CONSTRAINT "Change_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Change_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Change" ("action", "after", "at", "before", "claimId", "editor", "eventId", "id", "summary") SELECT "action", "after", "at", "before", "claimId", "editor", "eventId", "id", "summary" FROM "Change";
DROP TABLE "Change";
ALTER TABLE "new_Change" RENAME TO "Change";
CREATE INDEX "Change_at_idx" ON "Change"("at");
CREATE INDEX "Change_eventId_idx" ON "Change"("eventId");
CREATE INDEX "Change_claimId_idx" ON "Change"("claimId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PositionEvent_eventId_idx" ON "PositionEvent"("eventId");

-- CreateIndex
CREATE INDEX "SourceCitation_citedId_idx" ON "SourceCitation"("citedId");

-- Data (evidence model v2, docs/decisions/0040-evidence-model-v2.md):
-- 1. "fired" is no longer a kind but the manner of a departure.
UPDATE "Claim" SET "manner" = 'fired', "kind" = 'departed' WHERE "kind" = 'fired';
UPDATE "Event" SET "manner" = 'fired', "kind" = 'departed' WHERE "kind" = 'fired';
-- 2. A board seat is its own tenure.
UPDATE "Claim" SET "scope" = 'board' WHERE "roleCategory" = 'board';
UPDATE "Event" SET "scope" = 'board' WHERE "roleCategory" = 'board';
-- 3. A departure that was split into "departed" and "fired" becomes one event: the claims of a former
--    "fired" event move to the earliest other departure of the same person, company and scope whose
--    date overlaps (or either is unknown); the emptied event goes. Statuses, dates, manners and
--    positions are then recomputed from the claims by `npm run setup` (post-migrate.json).
CREATE TEMP TABLE "_merge" AS
SELECT f."id" AS "fromId",
       (SELECT MIN(d."id") FROM "Event" d
         WHERE d."kind" = 'departed' AND d."id" <> f."id" AND d."personId" = f."personId"
           AND d."companyId" = f."companyId" AND d."scope" = f."scope" AND d."manner" IS NULL
           AND (d."dateEarliest" IS NULL OR f."dateEarliest" IS NULL
                OR (d."dateEarliest" <= f."dateLatest" AND f."dateEarliest" <= d."dateLatest"))) AS "toId"
FROM "Event" f WHERE f."kind" = 'departed' AND f."manner" = 'fired';
DELETE FROM "_merge" WHERE "toId" IS NULL;
UPDATE "Claim" SET "eventId" = (SELECT "toId" FROM "_merge" WHERE "fromId" = "Claim"."eventId")
WHERE "eventId" IN (SELECT "fromId" FROM "_merge");
UPDATE "Change" SET "eventId" = (SELECT "toId" FROM "_merge" WHERE "fromId" = "Change"."eventId")
WHERE "eventId" IN (SELECT "fromId" FROM "_merge");
DELETE FROM "PositionEvent" WHERE "eventId" IN (SELECT "fromId" FROM "_merge");
DELETE FROM "Event" WHERE "id" IN (SELECT "fromId" FROM "_merge");
DROP TABLE "_merge";
