-- Messages a support lead dismissed from an intent step's review list (hidden for that flow's step).
-- CreateTable
CREATE TABLE "IntentReviewDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "flowId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "IntentReviewDismissal_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "IntentReviewDismissal_flowId_nodeId_messageKey_key" ON "IntentReviewDismissal"("flowId", "nodeId", "messageKey");

