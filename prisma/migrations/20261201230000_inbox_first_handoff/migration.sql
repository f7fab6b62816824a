-- The first handoff's time, kept when a reopen or a later handoff moves escalatedAt: the first
-- human response is measured from it (once per conversation, like Zendesk's first reply time).
-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN "firstEscalatedAt" DATETIME;

-- Existing rows: the earliest recorded handoff, else the handoff time stored so far.
UPDATE "Conversation"
   SET "firstEscalatedAt" = COALESCE(
         (SELECT MIN(e."createdAt") FROM "Event" e WHERE e."conversationId" = "Conversation"."id" AND e."type" = 'handoff'),
         "escalatedAt")
 WHERE "escalatedAt" IS NOT NULL;
