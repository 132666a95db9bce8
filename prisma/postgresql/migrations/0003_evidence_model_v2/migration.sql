-- Evidence model v2 (postgresql): the twin of prisma/migrations/0003_evidence_model_v2, ported by hand
-- from `npm run db:migration -- --twin 0003_evidence_model_v2`. Prisma's diff turns each text column that
-- became an enum into DROP COLUMN + ADD COLUMN, which would lose the data; here they are converted in
-- place (ALTER COLUMN … TYPE … USING), after the same data conversion the SQLite migration does. The
-- resulting structure equals the generated one (checked when this was written: same columns, types,
-- defaults, indexes and constraints; see docs/decisions/0033-two-providers-own-migration-runner.md).

-- CreateEnum
CREATE TYPE "EventKind" AS ENUM ('joined', 'departed', 'leave_started', 'returned', 'role_changed');

-- CreateEnum
CREATE TYPE "Manner" AS ENUM ('resigned', 'fired', 'removed_by_board', 'laid_off', 'retired', 'contract_ended', 'died', 'unknown');

-- CreateEnum
CREATE TYPE "Scope" AS ENUM ('company', 'board');

-- CreateEnum
CREATE TYPE "EventStatus" AS ENUM ('reported', 'corroborated', 'disputed', 'retracted');

-- CreateEnum
CREATE TYPE "ClaimState" AS ENUM ('active', 'retracted', 'deprecated');

-- CreateEnum
CREATE TYPE "DateBasis" AS ENUM ('stated', 'relative_to_published', 'bounded_by_published');

-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('day', 'month', 'quarter', 'year', 'range');

-- CreateEnum
CREATE TYPE "RoleCategory" AS ENUM ('executive', 'research', 'engineering', 'product', 'safety_policy', 'operations', 'board', 'founder');

-- CreateEnum
CREATE TYPE "DestinationRelation" AS ENUM ('joined', 'founded');

-- CreateEnum
CREATE TYPE "ReasonEvidence" AS ENUM ('direct', 'reported', 'alleged', 'contextual');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('article', 'video_transcript', 'post', 'filing', 'press_release');

-- CreateEnum
CREATE TYPE "CompanyKind" AS ENUM ('company', 'lab', 'nonprofit', 'government', 'university', 'other');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('create_event', 'add_claim', 'retract_claim', 'deprecate_claim', 'restore_claim', 'edit_claim', 'edit_event');

-- DropIndex
DROP INDEX "Event_personId_idx";

-- New columns and tables
ALTER TABLE "Source" ADD COLUMN "accessedAt" TEXT,
ADD COLUMN "archiveUrl" TEXT,
ADD COLUMN "text" TEXT,
ADD COLUMN "textSha256" TEXT,
ADD COLUMN "titleEnglish" TEXT;
ALTER TABLE "Position" ADD COLUMN "scope" "Scope" NOT NULL DEFAULT 'company';
ALTER TABLE "Event" ADD COLUMN "manner" "Manner",
ADD COLUMN "scope" "Scope" NOT NULL DEFAULT 'company';
ALTER TABLE "Claim" ADD COLUMN "context" TEXT,
ADD COLUMN "contextTranslation" TEXT,
ADD COLUMN "dateBasis" "DateBasis",
ADD COLUMN "datePhrase" TEXT,
ADD COLUMN "manner" "Manner",
ADD COLUMN "scope" "Scope" NOT NULL DEFAULT 'company';

CREATE TABLE "PositionEvent" (
    "positionId" INTEGER NOT NULL,
    "eventId" INTEGER NOT NULL,

    CONSTRAINT "PositionEvent_pkey" PRIMARY KEY ("positionId","eventId")
);

CREATE TABLE "SourceCitation" (
    "citingId" INTEGER NOT NULL,
    "citedId" INTEGER NOT NULL,

    CONSTRAINT "SourceCitation_pkey" PRIMARY KEY ("citingId","citedId")
);

-- Data: Position.eventIds (a JSON list) becomes PositionEvent rows, before the column goes.
INSERT INTO "PositionEvent" ("positionId", "eventId")
SELECT p."id", j."value"::INTEGER FROM "Position" p, json_array_elements_text(p."eventIds"::json) j
WHERE j."value"::INTEGER IN (SELECT "id" FROM "Event")
ON CONFLICT DO NOTHING;
ALTER TABLE "Position" DROP COLUMN "eventIds";

-- Data: "fired" is no longer a kind but the manner of a departure; a board seat is its own tenure.
UPDATE "Claim" SET "manner" = 'fired', "kind" = 'departed' WHERE "kind" = 'fired';
UPDATE "Event" SET "manner" = 'fired', "kind" = 'departed' WHERE "kind" = 'fired';
UPDATE "Claim" SET "scope" = 'board' WHERE "roleCategory" = 'board';
UPDATE "Event" SET "scope" = 'board' WHERE "roleCategory" = 'board';

-- Text columns become enums in place (a value outside the enum fails the migration, which rolls back).
ALTER TABLE "Company" ALTER COLUMN "kind" DROP DEFAULT,
ALTER COLUMN "kind" TYPE "CompanyKind" USING "kind"::"CompanyKind",
ALTER COLUMN "kind" SET DEFAULT 'company';
ALTER TABLE "Position" ALTER COLUMN "roleCategory" TYPE "RoleCategory" USING "roleCategory"::"RoleCategory",
ALTER COLUMN "startPrecision" TYPE "DatePrecision" USING "startPrecision"::"DatePrecision",
ALTER COLUMN "endPrecision" TYPE "DatePrecision" USING "endPrecision"::"DatePrecision";
ALTER TABLE "Event" ALTER COLUMN "kind" TYPE "EventKind" USING "kind"::"EventKind",
ALTER COLUMN "roleCategory" TYPE "RoleCategory" USING "roleCategory"::"RoleCategory",
ALTER COLUMN "datePrecision" TYPE "DatePrecision" USING "datePrecision"::"DatePrecision",
ALTER COLUMN "destinationRelation" TYPE "DestinationRelation" USING "destinationRelation"::"DestinationRelation",
ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "EventStatus" USING "status"::"EventStatus",
ALTER COLUMN "status" SET DEFAULT 'reported',
ALTER COLUMN "reasonEvidence" TYPE "ReasonEvidence" USING "reasonEvidence"::"ReasonEvidence";
ALTER TABLE "Source" ALTER COLUMN "publishedPrecision" TYPE "DatePrecision" USING "publishedPrecision"::"DatePrecision",
ALTER COLUMN "kind" TYPE "SourceKind" USING "kind"::"SourceKind";
ALTER TABLE "Claim" ALTER COLUMN "kind" TYPE "EventKind" USING "kind"::"EventKind",
ALTER COLUMN "roleCategory" TYPE "RoleCategory" USING "roleCategory"::"RoleCategory",
ALTER COLUMN "datePrecision" TYPE "DatePrecision" USING "datePrecision"::"DatePrecision",
ALTER COLUMN "destinationRelation" TYPE "DestinationRelation" USING "destinationRelation"::"DestinationRelation",
ALTER COLUMN "reasonEvidence" TYPE "ReasonEvidence" USING "reasonEvidence"::"ReasonEvidence",
ALTER COLUMN "state" DROP DEFAULT,
ALTER COLUMN "state" TYPE "ClaimState" USING "state"::"ClaimState",
ALTER COLUMN "state" SET DEFAULT 'active';
ALTER TABLE "Change" ALTER COLUMN "action" TYPE "ChangeAction" USING "action"::"ChangeAction";

-- New indexes (the existing ones survive the type changes)
CREATE INDEX "PositionEvent_eventId_idx" ON "PositionEvent"("eventId");
CREATE INDEX "SourceCitation_citedId_idx" ON "SourceCitation"("citedId");
CREATE INDEX "Event_personId_companyId_kind_idx" ON "Event"("personId", "companyId", "kind");
CREATE INDEX "Claim_reportsToPersonId_idx" ON "Claim"("reportsToPersonId");
CREATE INDEX "Change_claimId_idx" ON "Change"("claimId");

-- AddForeignKey
ALTER TABLE "PositionEvent" ADD CONSTRAINT "PositionEvent_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PositionEvent" ADD CONSTRAINT "PositionEvent_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SourceCitation" ADD CONSTRAINT "SourceCitation_citingId_fkey" FOREIGN KEY ("citingId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SourceCitation" ADD CONSTRAINT "SourceCitation_citedId_fkey" FOREIGN KEY ("citedId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_reportsToPersonId_fkey" FOREIGN KEY ("reportsToPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Change" ADD CONSTRAINT "Change_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: a departure that was split into "departed" and "fired" becomes one event (as in the SQLite
-- migration); statuses, dates, manners and positions are recomputed by `npm run setup` (post-migrate.json).
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
