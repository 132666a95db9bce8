-- Browse indexes (issue #4): covering indexes for the timeline filters, and name indexes for the
-- person/company sorts. Indexes only; no table changes. See docs/decisions/0013-browse-sql.md.
-- CreateIndex
CREATE INDEX "Company_name_idx" ON "Company"("name");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Event_browse_company_idx" ON "Event"("companyId", "sortDate", "dateLatest", "status", "roleCategory", "kind", "destinationId");

-- CreateIndex
CREATE INDEX "Event_browse_role_idx" ON "Event"("roleCategory", "sortDate", "dateLatest", "status", "kind", "destinationId");

-- CreateIndex
CREATE INDEX "Event_browse_kind_idx" ON "Event"("kind", "sortDate", "dateLatest", "status", "roleCategory", "destinationId");

-- CreateIndex
CREATE INDEX "Event_browse_destination_idx" ON "Event"("destinationId", "sortDate", "dateLatest", "status", "kind", "roleCategory");

-- CreateIndex
CREATE INDEX "Event_browse_relation_idx" ON "Event"("destinationRelation", "sortDate", "dateLatest", "status", "kind", "roleCategory");

-- CreateIndex
CREATE INDEX "Event_browse_date_idx" ON "Event"("sortDate", "dateLatest", "status", "companyId", "roleCategory", "kind", "destinationId");

