-- CreateTable
CREATE TABLE "IntentReviewDismissal" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntentReviewDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "IntentReviewDismissal_flowId_nodeId_messageKey_key" ON "IntentReviewDismissal"("flowId", "nodeId", "messageKey");

-- AddForeignKey
ALTER TABLE "IntentReviewDismissal" ADD CONSTRAINT "IntentReviewDismissal_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

