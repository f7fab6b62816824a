/**
 * Live delivery of agent replies to customers, on the PRODUCTION build over HTTP.
 * `npx tsx bench/streams.ts` (or `npm run bench`). Writes bench/results/streams.json.
 *
 * Set-up: STREAMS customers on the starter flow each ask for a person (their conversation waits
 * in the support queue) and keep the chat page's live stream open (GET /api/conversations/:id/
 * events, bearer token), all at once. Signed-in agents then answer them through the inbox's
 * composer endpoint (POST /inbox/:id/messages, the session cookie): REPLIES_PER_CONVERSATION
 * rounds over every conversation, sent open-loop at REPLY_RATE replies per second (a reply
 * leaves on schedule whether or not the previous one was answered; 20/s is several times what a
 * 20-agent team types), so the figure is delivery latency under load, not queueing behind a
 * saturated server.
 * Measured per reply, on the customer's stream:
 * - accepted → delivered: from the server accepting the reply (the message's createdAt, stamped
 *   in the transaction that stores it; same machine, same clock) to the event arriving on that
 *   customer's stream. Target: p99 under 200 ms.
 * - sent → delivered: from the agent's POST leaving the client to that arrival (an upper bound
 *   that includes the request itself).
 * Also checked: every reply reaches its own customer exactly once and nobody else's stream.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchRoot, createBenchDatabase, percentile, postJson, round, runBenchmark, startBenchServer } from "../tests/support/bench-helpers";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const REPLIES_PER_CONVERSATION = Number(process.env.BENCH_REPLIES ?? 5);
const REPLY_RATE = Number(process.env.BENCH_REPLY_RATE ?? 20);
const AGENT_EMAIL = "ana@baton.local";
const PASSWORD = "bench-password";

type Customer = { id: string; token: string; received: Map<string, number>; abort: AbortController; opened: Promise<void> };

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseUrl },
    body: new URLSearchParams({ email: AGENT_EMAIL, password: PASSWORD }),
    redirect: "manual",
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (!cookie || response.status !== 302) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

/** Opens the customer's live stream and records, per reply marker, when it arrived (epoch ms). */
function openStream(baseUrl: string, customer: Omit<Customer, "opened">): Promise<void> {
  return new Promise((resolve, reject) => {
    void (async () => {
      const response = await fetch(`${baseUrl}/api/conversations/${customer.id}/events`, {
        headers: { accept: "text/event-stream", authorization: `Bearer ${customer.token}` },
        signal: customer.abort.signal,
      });
      if (response.status !== 200 || !response.body) throw new Error(`stream answered ${response.status}`);
      resolve();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const arrived = performance.timeOrigin + performance.now();
        buffer += value;
        let boundary: number;
        while ((boundary = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          if (!block.startsWith("event: message")) continue;
          const data = block.split("\n").find((line) => line.startsWith("data: "));
          const message = JSON.parse(data?.slice(6) ?? "{}") as { role?: string; text?: string };
          const marker = message.role === "agent" ? /\[(r-[\w-]+)\]/.exec(message.text ?? "")?.[1] : undefined;
          if (marker) customer.received.set(marker, customer.received.has(marker) ? -1 : arrived);
        }
      }
    })().catch((error: unknown) => {
      if (customer.abort.signal.aborted) return;
      reject(error);
    });
  });
}

export async function main(): Promise<Record<string, unknown>> {
  const database = await createBenchDatabase("streams");
  process.env.SEED_PASSWORD = PASSWORD;
  const { db } = await import("~/utils/db.server");
  const { seedPeople } = await import("~/workspace/seed-people.server");
  await seedPeople(db);
  // One agent answers all of them: capacity is about round robin, not about manual replies.
  await db.user.update({ where: { email: AGENT_EMAIL }, data: { capacity: 1_000 } });
  const server = await startBenchServer(database.url, { SESSION_SECRET: randomBytes(32).toString("hex"), SESSION_COOKIE_SECURE: "false" }, process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(" ") : []);
  const customers: Customer[] = [];
  try {
    const cookie = await signIn(server.url);
    log("signed in; opening streams");
    for (let index = 0; index < STREAMS; index += 1) {
      const created = await postJson(`${server.url}/api/chat/store-support/conversations`, {});
      if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
      const { conversationId, token } = created.json as { conversationId: string; token: string };
      const handedOff = await postJson(`${server.url}/api/conversations/${conversationId}/messages`, { clientMessageId: `ask-${index}`, text: "I want to talk to a human" }, token);
      if (handedOff.json.status !== "waiting") throw new Error(`expected a handoff, got ${String(handedOff.json.status)}`);
      const customer = { id: conversationId, token, received: new Map<string, number>(), abort: new AbortController() };
      customers.push({ ...customer, opened: openStream(server.url, customer) });
      if ((index + 1) % 50 === 0) log(`${index + 1} customers handed off`);
    }
    await Promise.all(customers.map((customer) => customer.opened));
    log(`${customers.length} streams open; replying`);

    type Reply = { customer: Customer; marker: string; sentAt: number; answeredAt: number };
    const replies: Reply[] = [];
    const jobs: Array<{ customer: Customer; round: number }> = [];
    for (let round = 0; round < REPLIES_PER_CONVERSATION; round += 1) for (const customer of customers) jobs.push({ customer, round });
    const sendReply = async (job: (typeof jobs)[number]) => {
      const marker = `r-${job.customer.id}-${job.round}`;
      const body = new URLSearchParams({ intent: "reply", clientMessageId: marker, text: `Thanks for waiting, I'm on it [${marker}]` });
      const sentAt = performance.timeOrigin + performance.now();
      const response = await fetch(`${server.url}/inbox/${job.customer.id}/messages`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: server.url },
        body,
      });
      if (response.status !== 200) throw new Error(`reply failed: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
      const answeredAt = performance.timeOrigin + performance.now();
      replies.push({ customer: job.customer, marker, sentAt, answeredAt });
    };
    const started = performance.now();
    const inFlight: Array<Promise<void>> = [];
    for (const [index, job] of jobs.entries()) {
      const due = started + (index * 1000) / REPLY_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(sendReply(job));
    }
    await Promise.all(inFlight);
    const repliesSeconds = (performance.now() - started) / 1000;
    // Let the last events land.
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && replies.some((reply) => !reply.customer.received.has(reply.marker))) await new Promise((resolve) => setTimeout(resolve, 50));

    const stored = await db.message.findMany({ where: { role: "agent", clientMessageId: { startsWith: "r-" } }, select: { clientMessageId: true, createdAt: true } });
    const acceptedAt = new Map(stored.map((message) => [message.clientMessageId as string, message.createdAt.getTime()]));
    const acceptedToDelivered: number[] = [];
    const sentToDelivered: number[] = [];
    const answeredToDelivered: number[] = [];
    let undelivered = 0;
    let duplicated = 0;
    for (const reply of replies) {
      const arrived = reply.customer.received.get(reply.marker);
      if (arrived === undefined) undelivered += 1;
      else if (arrived < 0) duplicated += 1;
      else {
        sentToDelivered.push(arrived - reply.sentAt);
        // Often negative: the customer had it before the agent's "sent" came back.
        answeredToDelivered.push(Math.max(0, arrived - reply.answeredAt));
        const accepted = acceptedAt.get(reply.marker);
        if (accepted !== undefined) acceptedToDelivered.push(Math.max(0, arrived - accepted));
      }
    }
    const strays = customers.reduce((sum, customer) => sum + [...customer.received.keys()].filter((marker) => !marker.startsWith(`r-${customer.id}-`)).length, 0);
    acceptedToDelivered.sort((a, b) => a - b);
    sentToDelivered.sort((a, b) => a - b);
    answeredToDelivered.sort((a, b) => a - b);
    const summary = (values: number[]) => ({
      p50Ms: round(percentile(values, 0.5)),
      p95Ms: round(percentile(values, 0.95)),
      p99Ms: round(percentile(values, 0.99)),
      maxMs: round(values.at(-1) ?? 0),
    });
    const result = {
      date: new Date().toISOString(),
      streams: customers.length,
      replies: replies.length,
      replyRatePerSecond: REPLY_RATE,
      achievedRepliesPerSecond: round(replies.length / repliesSeconds),
      definitions: {
        acceptedToDelivered: "server accepted the reply (createdAt, stamped in the storing transaction) → event read on the customer's stream",
        agentSawSentToDelivered: "agent's POST answered 200 → event on the customer's stream (0 when the customer had it first)",
        sentToDelivered: "agent's POST left the client → event on the customer's stream",
      },
      acceptedToDelivered: summary(acceptedToDelivered),
      agentSawSentToDelivered: summary(answeredToDelivered),
      sentToDelivered: summary(sentToDelivered),
      delivery: { undelivered, duplicated, deliveredToAnotherCustomer: strays },
      target: { acceptedToDeliveredP99Ms: 200 },
      meetsTarget: percentile(acceptedToDelivered, 0.99) < 200,
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: os.loadavg().map((value) => round(value)), note: "2 shared cores; other engineers' processes run at the same time, so figures are noisy. Client, server and database share the machine." },
    };
    fs.mkdirSync(path.join(benchRoot, "results"), { recursive: true });
    fs.writeFileSync(path.join(benchRoot, "results/streams.json"), `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `streams: ${result.streams} open streams, ${result.replies} replies (${result.achievedRepliesPerSecond}/s); accepted→delivered p50 ${result.acceptedToDelivered.p50Ms} ms, ` +
        `p99 ${result.acceptedToDelivered.p99Ms} ms; sent→delivered p99 ${result.sentToDelivered.p99Ms} ms; undelivered ${undelivered}, duplicated ${duplicated}, strays ${strays}`,
    );
    // A lost, doubled or misrouted reply is a bug, not a slow machine: that fails the run.
    if (undelivered + duplicated + strays > 0) throw new Error("some replies were not delivered exactly once to their own customer");
    if (!result.meetsTarget) console.warn("streams: p99 accepted→delivered is over the 200 ms target on this run (see the machine note)");
    return result;
  } finally {
    for (const customer of customers) customer.abort.abort();
    // The server waits for open connections on SIGTERM (keep-alive sockets, streams): give it 3 s.
    const killer = setTimeout(() => server.child.kill("SIGKILL"), 3_000);
    await server.stop();
    clearTimeout(killer);
    database.cleanup();
  }
}

function log(line: string) {
  if (process.env.BENCH_VERBOSE) console.log(`[streams] ${line}`);
}

if (require.main === module) runBenchmark(main);
