-- Sentence vectors of knowledge-base texts, shared by every instance and kept across restarts.
-- CreateTable
CREATE TABLE "SentenceVector" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "encoder" TEXT NOT NULL,
    "vector" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

