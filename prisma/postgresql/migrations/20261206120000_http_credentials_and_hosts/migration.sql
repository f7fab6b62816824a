-- CreateTable
CREATE TABLE "HttpCredential" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scheme" TEXT NOT NULL DEFAULT 'bearer',
    "headerName" TEXT,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HttpCredential_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HttpAllowedHost" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "allowPrivate" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HttpAllowedHost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HttpCredential_name_key" ON "HttpCredential"("name");

-- CreateIndex
CREATE UNIQUE INDEX "HttpAllowedHost_host_key" ON "HttpAllowedHost"("host");

