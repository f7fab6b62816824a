-- CreateTable
CREATE TABLE "ChatRateLimit" (
    "key" TEXT NOT NULL,
    "readyAt" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ChatRateLimit_pkey" PRIMARY KEY ("key")
);

