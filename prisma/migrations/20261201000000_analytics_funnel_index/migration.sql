-- CreateIndex
CREATE INDEX "Event_conversationId_type_nodeId_createdAt_idx" ON "Event"("conversationId", "type", "nodeId", "createdAt");

