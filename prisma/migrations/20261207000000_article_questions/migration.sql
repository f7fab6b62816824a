-- Example questions on an article ("Customers also ask"): a JSON array of strings, like tags.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "questions" TEXT NOT NULL DEFAULT '[]';
