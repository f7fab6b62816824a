import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveChannel, LiveEvent, LiveMessage } from "~/runtime/live.server";
import { startPostgresRelay, type LiveRelay } from "~/runtime/live-relay.server";
import { startPostgresCluster, type PostgresCluster } from "~/utils/postgres-cluster.server";
import { createPostgresPool } from "~/utils/postgres-pool.server";

// Two relays on one PostgreSQL server stand for two app instances.
let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 60_000);
afterAll(() => cluster?.stop());

const message = (seq: number): LiveMessage => ({ id: `m${seq}`, seq, role: "agent", text: `reply ${seq}`, createdAt: new Date(0).toISOString() });

/** The "database" each instance reads message bodies back from. */
const stored = new Map<string, LiveMessage>();
const loadMessage = async (conversationId: string, seq: number) => stored.get(`${conversationId}/${seq}`) ?? null;

type Delivery = { channels: LiveChannel[]; event: LiveEvent };

async function instance() {
  const received: Delivery[] = [];
  const relay = await startPostgresRelay({ connectionString: cluster.url, loadMessage, deliver: (channels, event) => received.push({ channels, event }) });
  return { relay, received };
}

describe("live updates across instances (LISTEN/NOTIFY)", () => {
  let a: { relay: LiveRelay; received: Delivery[] };
  let b: { relay: LiveRelay; received: Delivery[] };
  beforeAll(async () => {
    [a, b] = await Promise.all([instance(), instance()]);
  });
  afterAll(async () => {
    await Promise.all([a?.relay.close(), b?.relay.close()]);
  });

  it("delivers a message published on one instance to the other, body read back, not to itself", async () => {
    stored.set("c1/1", message(1));
    a.relay.forward(["conversation:c1", "team:t1", "inbox"], { type: "message", conversationId: "c1", message: message(1) });
    a.relay.forward(["conversation:c1", "inbox"], { type: "status", conversationId: "c1", status: "open", teamId: "t1" });
    await expect.poll(() => b.received.length).toBe(2);
    expect(b.received).toEqual([
      { channels: ["conversation:c1", "team:t1", "inbox"], event: { type: "message", conversationId: "c1", message: message(1) } },
      { channels: ["conversation:c1", "inbox"], event: { type: "status", conversationId: "c1", status: "open", teamId: "t1" } },
    ]);
    expect(a.received).toEqual([]);
  });

  it("drops unread the events of channels nobody on the instance listens to", async () => {
    const reads: string[] = [];
    const received: Delivery[] = [];
    const watcher = await startPostgresRelay({
      connectionString: cluster.url,
      loadMessage: async (conversationId, seq) => (reads.push(`${conversationId}/${seq}`), loadMessage(conversationId, seq)),
      deliver: (channels, event) => received.push({ channels, event }),
      isWanted: (channels) => channels.includes("conversation:watched"),
    });
    try {
      stored.set("unwatched/1", message(1));
      stored.set("watched/1", message(1));
      a.relay.forward(["conversation:unwatched", "inbox"], { type: "message", conversationId: "unwatched", message: message(1) });
      a.relay.forward(["conversation:watched"], { type: "message", conversationId: "watched", message: message(1) });
      await expect.poll(() => received.length).toBe(1);
      expect(received[0].event.conversationId).toBe("watched");
      expect(reads).toEqual(["watched/1"]);
    } finally {
      await watcher.close();
    }
  });

  it("keeps one instance's events in the order they were published", async () => {
    b.received.length = 0;
    for (let seq = 2; seq <= 60; seq++) stored.set(`c2/${seq}`, message(seq));
    for (let seq = 2; seq <= 60; seq++) a.relay.forward(["conversation:c2"], { type: "message", conversationId: "c2", message: message(seq) });
    await expect.poll(() => b.received.length).toBe(59);
    expect(b.received.map(({ event }) => (event.type === "message" ? event.message.seq : -1))).toEqual(Array.from({ length: 59 }, (_, i) => i + 2));
  });

  it("listens and sends again after its connections are cut", async () => {
    b.received.length = 0;
    const admin = createPostgresPool(cluster.url);
    try {
      const { rowCount } = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE (query LIKE 'LISTEN%' OR query LIKE '%pg_notify%') AND pid <> pg_backend_pid()");
      expect(rowCount).toBeGreaterThanOrEqual(3);
      // Until B listens again its events are not delivered live; publish until one gets through.
      stored.set("c3/1", message(1));
      await expect
        .poll(
          () => {
            a.relay.forward(["conversation:c3"], { type: "message", conversationId: "c3", message: message(1) });
            return b.received.length;
          },
          { timeout: 10_000, interval: 300 },
        )
        .toBeGreaterThan(0);
      expect(b.received[0].event).toEqual({ type: "message", conversationId: "c3", message: message(1) });
    } finally {
      await admin.end();
    }
  }, 20_000);
});
