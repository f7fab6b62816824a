-- CreateTable
CREATE TABLE "SentenceVector" (
    "key" TEXT NOT NULL,
    "encoder" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentenceVector_pkey" PRIMARY KEY ("key")
);

