-- Round-robin assignment in the inbox: the agent auto-assigned longest ago goes next.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastAssignedAt" DATETIME;
