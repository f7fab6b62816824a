-- Snooze: a conversation leaves the working queues until this time (or until the customer writes).
ALTER TABLE "Conversation" ADD COLUMN "snoozedUntil" DATETIME;

-- CreateTable
CREATE TABLE "Label" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL DEFAULT 'slate',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ConversationLabel" (
    "conversationId" TEXT NOT NULL,
    "labelId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("conversationId", "labelId"),
    CONSTRAINT "ConversationLabel_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConversationLabel_labelId_fkey" FOREIGN KEY ("labelId") REFERENCES "Label" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Label_name_key" ON "Label"("name");

-- CreateIndex
CREATE INDEX "ConversationLabel_labelId_idx" ON "ConversationLabel"("labelId");

-- Full-text search over message text (customer, bot, agent lines and internal notes). Filled by
-- the inbox search itself, catching up from the last indexed Message rowid (app/inbox/search.server.ts),
-- so a customer turn never pays for indexing. Not a Prisma model: Prisma has no FTS5 tables.
CREATE VIRTUAL TABLE "MessageSearch" USING fts5("conversationId" UNINDEXED, "body", tokenize = 'unicode61 remove_diacritics 2');
