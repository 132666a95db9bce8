-- Schema change since HEAD (sqlite), written by `npm run db:migration`.
-- CreateTable
CREATE TABLE "CompanyRelation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "dateText" TEXT,
    "dateEarliest" TEXT,
    "dateLatest" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompanyRelation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CompanyRelation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExternalId" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scheme" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "personId" INTEGER,
    "companyId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExternalId_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExternalId_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlugRedirect" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "fromSlug" TEXT NOT NULL,
    "toId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dataset" TEXT NOT NULL,
    "datasetVersion" TEXT,
    "licence" TEXT,
    "format" TEXT NOT NULL,
    "fileName" TEXT,
    "fileSha256" TEXT NOT NULL,
    "accountId" TEXT,
    "editor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'applied',
    "undoneAt" DATETIME,
    "recordCount" INTEGER NOT NULL DEFAULT 0,
    "claimsAdded" INTEGER NOT NULL DEFAULT 0,
    "claimsSuperseded" INTEGER NOT NULL DEFAULT 0,
    "claimsUnchanged" INTEGER NOT NULL DEFAULT 0,
    "recordsRejected" INTEGER NOT NULL DEFAULT 0,
    "report" TEXT,
    CONSTRAINT "ImportBatch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ClaimTag" (
    "claimId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    PRIMARY KEY ("claimId", "tagId"),
    CONSTRAINT "ClaimTag_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ClaimTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventTag" (
    "eventId" INTEGER NOT NULL,
    "tagId" INTEGER NOT NULL,

    PRIMARY KEY ("eventId", "tagId"),
    CONSTRAINT "EventTag_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RejectedProposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" INTEGER NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "accountId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RejectedProposal_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Watch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "accountId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Watch_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "accountId" TEXT,
    "editor" TEXT,
    "batchId" INTEGER,
    "externalId" TEXT,
    "recordHash" TEXT,
    "recordStatus" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_reportsToPersonId_fkey" FOREIGN KEY ("reportsToPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("accountId", "context", "contextTranslation", "createdAt", "dateBasis", "dateEarliest", "dateLatest", "datePhrase", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "manner", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "scope", "sourceId", "state", "stateReason", "team", "translation") SELECT "accountId", "context", "contextTranslation", "createdAt", "dateBasis", "dateEarliest", "dateLatest", "datePhrase", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "manner", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "scope", "sourceId", "state", "stateReason", "team", "translation" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_dedupKey_key" ON "Claim"("dedupKey");
CREATE INDEX "Claim_eventId_idx" ON "Claim"("eventId");
CREATE INDEX "Claim_sourceId_idx" ON "Claim"("sourceId");
CREATE INDEX "Claim_reportsToPersonId_idx" ON "Claim"("reportsToPersonId");
CREATE INDEX "Claim_accountId_idx" ON "Claim"("accountId");
CREATE INDEX "Claim_batchId_idx" ON "Claim"("batchId");
CREATE INDEX "Claim_externalId_idx" ON "Claim"("externalId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
