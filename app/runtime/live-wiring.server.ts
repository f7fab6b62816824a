/**
 * Starts the cross-instance live relay when this process runs on PostgreSQL (several instances
 * may serve one conversation: the customer's stream on one, the agent's reply posted on
 * another). On SQLite there is one process and nothing to relay. Called once by the server at
 * start-up (app/cli/serve.ts). The relayed notification carries ids and a seq; the message body
 * is read back here from the database, committed before it was published.
 */
import { databaseKind, db } from "~/utils/db.server";
import { resolveDatabaseUrl } from "~/utils/database-url.server";
import { startPostgresRelay, type LiveRelay } from "./live-relay.server";
import { deliverLocally, listenerCount, setLiveRelay } from "./live.server";
import { toLiveMessage } from "./publish.server";

export async function startLiveRelayWhenShared(): Promise<LiveRelay | null> {
  if (databaseKind !== "postgresql") return null;
  const relay = await startPostgresRelay({
    connectionString: resolveDatabaseUrl(),
    deliver: deliverLocally,
    // The inbox dispatcher listens on "inbox" on every instance, for status changes only: a
    // message nobody streams is not read back (that was a query per message of every other instance).
    isWanted: (channels, type) => channels.some((channel) => listenerCount(channel, type) > 0),
    loadMessage: async (conversationId, seq) => {
      const message = await db.message.findUnique({
        where: { conversationId_seq: { conversationId, seq } },
        select: { id: true, seq: true, role: true, text: true, createdAt: true, metadata: true },
      });
      return message ? toLiveMessage(message) : null;
    },
  });
  setLiveRelay(relay);
  return relay;
}
