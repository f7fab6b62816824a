/**
 * Live updates across app instances on PostgreSQL: what one instance publishes reaches the
 * streams open on every other one, through LISTEN/NOTIFY on one channel.
 *
 * - NOTIFY payloads are capped at 8,000 bytes, so a message travels as its address
 *   (conversation id + seq) and each receiving instance reads the body back from the database;
 *   events are published only after their transaction committed, so the row is there.
 * - The events published while the previous send was in flight travel together: as many as fit
 *   in one payload (a turn publishes several at once). Every instance receives every payload,
 *   its own included, so fewer, fuller payloads are less work for PostgreSQL and for each listener.
 * - One connection sends, in order: NOTIFYs from one session arrive in the order they were sent,
 *   so a conversation's messages keep their order across instances.
 * - An instance ignores its own notifications (it already delivered them locally).
 * - The listening connection reconnects after a failure; what was sent meanwhile is not replayed
 *   here — the streams catch up from the database on their next reconnect (Last-Event-ID).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { z } from "zod";
import type { LiveChannel, LiveEvent, LiveMessage } from "./live.server";

export const LIVE_NOTIFY_CHANNEL = "baton_live";
const MAX_PAYLOAD_BYTES = 7_900;
const RECONNECT_MS = [200, 1_000, 5_000];

const ChannelSchema = z.string().regex(/^(conversation:[^\s]+|team:[^\s]+|inbox)$/) as z.ZodType<LiveChannel>;

/** What crosses instances: the event without a message body. */
const RelayedEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("message"), conversationId: z.string(), seq: z.number().int() }),
  z.object({ type: z.literal("status"), conversationId: z.string(), status: z.string(), teamId: z.string().nullable() }),
  z.object({ type: z.literal("rating"), conversationId: z.string(), csat: z.number(), teamId: z.string().nullable() }),
]);
const RelayedEntrySchema = z.object({ channels: z.array(ChannelSchema).min(1), event: RelayedEventSchema });
const PayloadSchema = z.object({ origin: z.string(), events: z.array(RelayedEntrySchema).min(1) });
type RelayedEvent = z.infer<typeof RelayedEventSchema>;
type RelayedEntry = z.infer<typeof RelayedEntrySchema>;

export type LoadLiveMessage = (conversationId: string, seq: number) => Promise<LiveMessage | null>;

export interface LiveRelay {
  /** Sends an event (already delivered locally) to the other instances. */
  forward(channels: LiveChannel[], event: LiveEvent): void;
  close(): Promise<void>;
}

type Options = {
  connectionString: string;
  /** Delivers an event that came from another instance to this instance's subscribers. */
  deliver: (channels: LiveChannel[], event: LiveEvent) => void;
  loadMessage: LoadLiveMessage;
  /** Whether anyone on this instance wants events of this type on any of the channels (default: yes); if not, the event is dropped unread. */
  isWanted?: (channels: LiveChannel[], type: LiveEvent["type"]) => boolean;
};

function toRelayed(event: LiveEvent): RelayedEvent {
  return event.type === "message" ? { type: "message", conversationId: event.conversationId, seq: event.message.seq } : event;
}

async function fromRelayed(event: RelayedEvent, loadMessage: LoadLiveMessage): Promise<LiveEvent | null> {
  if (event.type !== "message") return event;
  const message = await loadMessage(event.conversationId, event.seq);
  return message ? { type: "message", conversationId: event.conversationId, message } : null;
}

/**
 * The entries as few payloads of at most MAX_PAYLOAD_BYTES as their order allows (an entry too
 * large even alone is dropped with a warning: it cannot be sent).
 */
function packPayloads(origin: string, entries: RelayedEntry[]): string[] {
  const head = `{"origin":${JSON.stringify(origin)},"events":[`;
  const emptyBytes = Buffer.byteLength(head) + 2;
  const payloads: string[] = [];
  let items: string[] = [];
  let bytes = emptyBytes;
  for (const entry of entries) {
    const item = JSON.stringify(entry);
    const size = Buffer.byteLength(item) + 1;
    if (emptyBytes + size > MAX_PAYLOAD_BYTES) {
      console.warn(`[live] an event for ${entry.event.conversationId} is too large to relay (${size} bytes)`);
      continue;
    }
    if (bytes + size > MAX_PAYLOAD_BYTES) {
      payloads.push(`${head}${items.join(",")}]}`);
      items = [];
      bytes = emptyBytes;
    }
    items.push(item);
    bytes += size;
  }
  if (items.length) payloads.push(`${head}${items.join(",")}]}`);
  return payloads;
}

/** The payload's origin without validating the rest: an instance drops its own payloads unread. */
function originOf(payload: unknown): unknown {
  return typeof payload === "object" && payload !== null ? (payload as { origin?: unknown }).origin : undefined;
}

export async function startPostgresRelay({ connectionString, deliver, loadMessage, isWanted = () => true }: Options): Promise<LiveRelay> {
  const origin = randomUUID();
  let closed = false;
  let sending: Promise<unknown> = Promise.resolve();
  // Events waiting for the next send.
  let unsent: RelayedEntry[] = [];
  // The sending connection, opened again after a failure (at the next event).
  let sender: Promise<pg.Client> | null = null;
  const getSender = (): Promise<pg.Client> => {
    if (sender) return sender;
    const client = new pg.Client({ connectionString });
    client.on("error", (error) => {
      console.warn("[live] the notify connection failed:", error.message);
      if (current === sender) sender = null;
      void client.end().catch(() => undefined);
    });
    const current: Promise<pg.Client> = client.connect().then(() => client);
    current.catch(() => {
      if (current === sender) sender = null;
    });
    sender = current;
    return current;
  };
  await getSender();

  let listener: pg.Client | null = null;
  // Deliveries wait for their message bodies in arrival order, so one slow read cannot reorder them.
  let delivering: Promise<void> = Promise.resolve();

  const receive = (raw: string | undefined) => {
    if (!raw) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return;
    }
    if (originOf(json) === origin) return;
    const parsed = PayloadSchema.safeParse(json);
    if (!parsed.success) return;
    for (const { channels, event: relayed } of parsed.data.events) {
      // Most events concern conversations nobody here is watching: reading their messages back would
      // cost every instance a query per message of every other instance.
      if (!isWanted(channels, relayed.type)) continue;
      const decoded = fromRelayed(relayed, loadMessage);
      delivering = delivering.then(async () => {
        try {
          const event = await decoded;
          if (event && !closed) deliver(channels, event);
        } catch (error) {
          console.warn("[live] could not read a relayed event back:", error instanceof Error ? error.message : error);
        }
      });
    }
  };

  const listen = async (attempt = 0): Promise<void> => {
    if (closed) return;
    const client = new pg.Client({ connectionString });
    client.on("notification", (notification) => {
      if (notification.channel === LIVE_NOTIFY_CHANNEL) receive(notification.payload);
    });
    client.on("error", (error) => {
      console.warn("[live] the listening connection failed, reconnecting:", error.message);
      if (listener === client) listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void listen(0), RECONNECT_MS[0]).unref();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_NOTIFY_CHANNEL}`);
      listener = client;
    } catch (error) {
      void client.end().catch(() => undefined);
      if (attempt === 0 && !listener) throw error;
      setTimeout(() => void listen(attempt + 1), RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]).unref();
    }
  };
  await listen();

  return {
    forward(channels, event) {
      if (closed) return;
      // A turn publishes several events at once; the ones queued while the previous send was in
      // flight go out in ONE round trip, packed into as few payloads as fit (a scan of unnest
      // yields the array in order, and NOTIFY keeps it).
      unsent.push({ channels, event: toRelayed(event) });
      if (unsent.length > 1) return;
      sending = sending
        .then(async () => {
          const payloads = packPayloads(origin, unsent);
          unsent = [];
          if (payloads.length === 0) return;
          await (await getSender()).query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS sent(payload)", [LIVE_NOTIFY_CHANNEL, payloads]);
        })
        .catch((error) => console.warn("[live] could not relay an event:", error instanceof Error ? error.message : error));
    },
    async close() {
      closed = true;
      await sending;
      await Promise.allSettled([sender?.then((client) => client.end()), listener?.end()]);
    },
  };
}
