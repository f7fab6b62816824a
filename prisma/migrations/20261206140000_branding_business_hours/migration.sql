-- Chat branding for the workspace (one row); flows override it in their settings.
CREATE TABLE "WorkspaceBranding" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'workspace',
    "botName" TEXT NOT NULL DEFAULT 'Assistant',
    "avatarText" TEXT NOT NULL DEFAULT '',
    "avatarImage" TEXT,
    "accentColor" TEXT NOT NULL DEFAULT '#4f46e5',
    "chatTitle" TEXT NOT NULL DEFAULT 'Chat with us',
    "welcomeLine" TEXT NOT NULL DEFAULT '',
    "updatedAt" DATETIME NOT NULL
);

-- Business hours per team. Added columns (not a table rebuild) so the migration stays additive;
-- "{}" hours means always open, which is how every existing team behaved.
ALTER TABLE "Team" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE "Team" ADD COLUMN "hours" TEXT NOT NULL DEFAULT '{}';
ALTER TABLE "Team" ADD COLUMN "holidays" TEXT NOT NULL DEFAULT '[]';
ALTER TABLE "Team" ADD COLUMN "awayEmailPrompt" TEXT NOT NULL DEFAULT '';
