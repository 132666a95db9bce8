-- Schema change since HEAD (sqlite), written by `npm run db:migration`.
-- CreateTable
CREATE TABLE "Submission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "payload" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "accountId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reason" TEXT,
    "claimId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" DATETIME,
    CONSTRAINT "Submission_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Submission_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "role" TEXT DEFAULT 'contributor',
    "banned" BOOLEAN DEFAULT false,
    "banReason" TEXT,
    "banExpires" DATETIME
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,
    "impersonatedBy" TEXT,
    CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "apikey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "configId" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT,
    "start" TEXT,
    "referenceId" TEXT NOT NULL,
    "prefix" TEXT,
    "key" TEXT NOT NULL,
    "refillInterval" INTEGER,
    "refillAmount" INTEGER,
    "lastRefillAt" DATETIME,
    "enabled" BOOLEAN DEFAULT true,
    "rateLimitEnabled" BOOLEAN DEFAULT true,
    "rateLimitTimeWindow" INTEGER,
    "rateLimitMax" INTEGER,
    "requestCount" INTEGER DEFAULT 0,
    "remaining" INTEGER,
    "lastRequest" DATETIME,
    "expiresAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "permissions" TEXT,
    "metadata" TEXT
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Claim_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_destinationId_fkey" FOREIGN KEY ("destinationId") REFERENCES "Company" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_reportsToPersonId_fkey" FOREIGN KEY ("reportsToPersonId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Claim_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("context", "contextTranslation", "createdAt", "dateBasis", "dateEarliest", "dateLatest", "datePhrase", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "manner", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "scope", "sourceId", "state", "stateReason", "team", "translation") SELECT "context", "contextTranslation", "createdAt", "dateBasis", "dateEarliest", "dateLatest", "datePhrase", "datePrecision", "dateText", "dedupKey", "destinationId", "destinationRelation", "editor", "eventId", "excerpt", "id", "kind", "manner", "note", "reason", "reasonEvidence", "reportsToPersonId", "role", "roleCategory", "scope", "sourceId", "state", "stateReason", "team", "translation" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_dedupKey_key" ON "Claim"("dedupKey");
CREATE INDEX "Claim_eventId_idx" ON "Claim"("eventId");
CREATE INDEX "Claim_sourceId_idx" ON "Claim"("sourceId");
CREATE INDEX "Claim_reportsToPersonId_idx" ON "Claim"("reportsToPersonId");
CREATE INDEX "Claim_accountId_idx" ON "Claim"("accountId");
CREATE TABLE "new_Change" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "accountId" TEXT,
    "editor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "eventId" INTEGER,
    "claimId" INTEGER,
    "summary" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "revertOfId" INTEGER,
    CONSTRAINT "Change_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "user" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Change_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Change_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Change_revertOfId_fkey" FOREIGN KEY ("revertOfId") REFERENCES "Change" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Change" ("action", "after", "at", "before", "claimId", "editor", "eventId", "id", "summary") SELECT "action", "after", "at", "before", "claimId", "editor", "eventId", "id", "summary" FROM "Change";
DROP TABLE "Change";
ALTER TABLE "new_Change" RENAME TO "Change";
CREATE UNIQUE INDEX "Change_revertOfId_key" ON "Change"("revertOfId");
CREATE INDEX "Change_at_idx" ON "Change"("at");
CREATE INDEX "Change_eventId_idx" ON "Change"("eventId");
CREATE INDEX "Change_claimId_idx" ON "Change"("claimId");
CREATE INDEX "Change_accountId_at_idx" ON "Change"("accountId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Submission_dedupKey_key" ON "Submission"("dedupKey");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_claimId_key" ON "Submission"("claimId");

-- CreateIndex
CREATE INDEX "Submission_status_createdAt_idx" ON "Submission"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Submission_accountId_createdAt_idx" ON "Submission"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE INDEX "apikey_configId_idx" ON "apikey"("configId");

-- CreateIndex
CREATE INDEX "apikey_referenceId_idx" ON "apikey"("referenceId");

-- CreateIndex
CREATE INDEX "apikey_key_idx" ON "apikey"("key");

-- CreateIndex
CREATE INDEX "RateLimiterFlexible_expire_idx" ON "RateLimiterFlexible"("expire");

-- END OF GENERATED SQL. Hand-written statements (data conversion, FTS5/pg_trgm, triggers) go below; rerunning db:migration keeps them.
