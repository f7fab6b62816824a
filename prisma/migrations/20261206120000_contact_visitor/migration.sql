-- The same browser is the same contact: the hashed visitor cookie of the chat page.
ALTER TABLE "Contact" ADD COLUMN "visitorKeyHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Contact_visitorKeyHash_key" ON "Contact"("visitorKeyHash");
