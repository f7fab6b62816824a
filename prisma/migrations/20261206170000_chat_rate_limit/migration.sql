-- The chat API's rate limit shared by every instance on PostgreSQL (unused on SQLite).
CREATE TABLE "ChatRateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "readyAt" REAL NOT NULL
);
