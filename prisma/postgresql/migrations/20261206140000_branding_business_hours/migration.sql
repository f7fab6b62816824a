-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "awayEmailPrompt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "holidays" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "hours" TEXT NOT NULL DEFAULT '{}',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "WorkspaceBranding" (
    "id" TEXT NOT NULL DEFAULT 'workspace',
    "botName" TEXT NOT NULL DEFAULT 'Assistant',
    "avatarText" TEXT NOT NULL DEFAULT '',
    "avatarImage" TEXT,
    "accentColor" TEXT NOT NULL DEFAULT '#4f46e5',
    "chatTitle" TEXT NOT NULL DEFAULT 'Chat with us',
    "welcomeLine" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceBranding_pkey" PRIMARY KEY ("id")
);

