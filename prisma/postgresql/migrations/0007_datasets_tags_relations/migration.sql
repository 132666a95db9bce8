-- Schema change since HEAD (postgresql), written by `npm run db:migration`.
-- CreateEnum
CREATE TYPE "ImportFormat" AS ENUM ('departures', 'csv', 'warning_collective', 'wikidata', 'popolo');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('applied', 'undone');

-- CreateEnum
CREATE TYPE "CompanyRelationKind" AS ENUM ('part_of', 'renamed_to');

-- CreateEnum
CREATE TYPE "EntityKind" AS ENUM ('person', 'company');

-- CreateEnum
CREATE TYPE "WatchKind" AS ENUM ('person', 'company', 'filter');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


-- AlterEnum
ALTER TYPE "SourceKind" ADD VALUE 'dataset';

ALTER TYPE "ChangeAction" ADD VALUE 'import_batch';
ALTER TYPE "ChangeAction" ADD VALUE 'undo_batch';
ALTER TYPE "ChangeAction" ADD VALUE 'merge_people';
ALTER TYPE "ChangeAction" ADD VALUE 'merge_companies';
ALTER TYPE "ChangeAction" ADD VALUE 'split_alias';
ALTER TYPE "ChangeAction" ADD VALUE 'relate_companies';

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "batchId" INTEGER,
ADD COLUMN     "externalId" TEXT,
ADD COLUMN     "recordHash" TEXT,
ADD COLUMN     "recordStatus" TEXT;

-- CreateTable
CREATE TABLE "CompanyRelation" (
    "id" SERIAL NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "kind" "CompanyRelationKind" NOT NULL,
    "dateText" TEXT,
    "dateEarliest" TEXT,
    "dateLatest" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CompanyRelation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalId" (
    "id" SERIAL NOT NULL,
    "scheme" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "personId" INTEGER,
    "companyId" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalId_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "id" SERIAL NOT NULL,
    "kind" "EntityKind" NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SlugRedirect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "dataset" TEXT NOT NULL,
    "datasetVersion" TEXT,
    "licence" TEXT,
    "format" "ImportFormat" NOT NULL,
    "fileName" TEXT,
    "fileSha256" TEXT NOT NULL,
    "accountId" TEXT,
    "editor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "ImportStatus" NOT NULL DEFAULT 'applied',
    "undoneAt" TIMESTAMP(3),
    "recordCount" INTEGER NOT NULL DEFAULT 0,
    "claimsAdded" INTEGER NOT NULL DEFAULT 0,
    "claimsSuperseded" INTEGER NOT NULL DEFAULT 0,
    "claimsUnchanged" INTEGER NOT NULL DEFAULT 0,
    "recordsRejected" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimTag" (
    "claimId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "ClaimTag_pkey" PRIMARY KEY ("claimId","tagId")
);

-- CreateTable
CREATE TABLE "EventTag" (
    "eventId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    CONSTRAINT "EventTag_pkey" PRIMARY KEY ("eventId","tagId")
);

-- CreateTable
CREATE TABLE "RejectedProposal" (
    "id" SERIAL NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "accountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" SERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "WatchKind" NOT NULL,
    "target" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Watch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompanyRelation_toId_idx" ON "CompanyRelation"("toId");

-- CreateIndex
CREATE UNIQUE INDEX "CompanyRelation_fromId_toId_kind_key" ON "CompanyRelation"("fromId", "toId", "kind");

-- CreateIndex
CREATE INDEX "ExternalId_personId_idx" ON "ExternalId"("personId");

-- CreateIndex
CREATE INDEX "ExternalId_companyId_idx" ON "ExternalId"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "ExternalId_scheme_value_key" ON "ExternalId"("scheme", "value");

-- CreateIndex
CREATE UNIQUE INDEX "SlugRedirect_kind_fromSlug_key" ON "SlugRedirect"("kind", "fromSlug");

-- CreateIndex
CREATE INDEX "ImportBatch_dataset_createdAt_idx" ON "ImportBatch"("dataset", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE INDEX "ClaimTag_tagId_idx" ON "ClaimTag"("tagId");

-- CreateIndex
CREATE INDEX "EventTag_tagId_eventId_idx" ON "EventTag"("tagId", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "RejectedProposal_sourceId_fingerprint_key" ON "RejectedProposal"("sourceId", "fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "Watch_accountId_kind_target_key" ON "Watch"("accountId", "kind", "target");

-- CreateIndex
CREATE INDEX "Claim_batchId_idx" ON "Claim"("batchId");

-- CreateIndex
CREATE INDEX "Claim_externalId_idx" ON "Claim"("externalId");

-- AddForeignKey
ALTER TABLE "CompanyRelation" ADD CONSTRAINT "CompanyRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyRelation" ADD CONSTRAINT "CompanyRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalId" ADD CONSTRAINT "ExternalId_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalId" ADD CONSTRAINT "ExternalId_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTag" ADD CONSTRAINT "ClaimTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimTag" ADD CONSTRAINT "ClaimTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTag" ADD CONSTRAINT "EventTag_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTag" ADD CONSTRAINT "EventTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RejectedProposal" ADD CONSTRAINT "RejectedProposal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Watch" ADD CONSTRAINT "Watch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
