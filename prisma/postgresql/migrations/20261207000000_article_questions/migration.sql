-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "questions" TEXT NOT NULL DEFAULT '[]';

