/**
 * A small OpenAI-compatible server for tests: node:http on 127.0.0.1 with a random port,
 * answering POST /v1/chat/completions from a handler the test sets. The real openai SDK talks
 * to it, so the request building, response parsing and zod validation all run for real.
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { AddressInfo } from "node:net";

export type ChatRequest = {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; schema: unknown; strict?: boolean } };
  [key: string]: unknown;
};

/** What the handler returns: the assistant's content, an HTTP error, or a stall (for timeouts). */
export type FakeReply = { content: string } | { status: number; error: string } | { delayMs: number; content: string };

export type FakeOpenAIServer = {
  baseURL: string;
  requests: ChatRequest[];
  setHandler(handler: (request: ChatRequest) => FakeReply): void;
  close(): Promise<void>;
};

export async function startFakeOpenAIServer(): Promise<FakeOpenAIServer> {
  const requests: ChatRequest[] = [];
  let handler: (request: ChatRequest) => FakeReply = () => ({ status: 500, error: "no handler set" });
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString("utf8")));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      const request = JSON.parse(raw) as ChatRequest;
      requests.push(request);
      const reply = handler(request);
      if ("status" in reply) {
        res.writeHead(reply.status, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: reply.error, type: "server_error", code: null } }));
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion(request.model, reply.content)));
      };
      if ("delayMs" in reply) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler(next) {
      handler = next;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function completion(model: string, content: string) {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}
