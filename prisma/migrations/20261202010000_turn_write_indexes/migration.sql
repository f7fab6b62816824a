-- DropIndex
DROP INDEX "Message_conversationId_turnId_idx";

-- DropIndex
DROP INDEX "Event_conversationId_createdAt_idx";

-- DropIndex
DROP INDEX "Event_flowId_type_createdAt_idx";

