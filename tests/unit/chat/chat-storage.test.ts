/**
 * Where the chat keeps its conversation: memory, the page's localStorage (which may throw), and in
 * the widget the embedding page's storage (widget.js, through host-bridge.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { parseHostOrigin } from "~/chat/host-bridge";
import { createChatStorage, localStorageWorks } from "~/chat/storage";

const session = { conversationId: "c1", token: "t1" };

function withWindow(localStorage: () => Storage) {
  Object.defineProperty(globalThis, "window", { configurable: true, value: Object.defineProperty({}, "localStorage", { configurable: true, get: localStorage }) });
}

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, "window");
});

describe("createChatStorage", () => {
  it("where storage throws, keeps the session and the outbox in memory for the page's life, without an error", () => {
    withWindow(() => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    });
    const storage = createChatStorage();
    expect(storage.readSession("store-support")).toBeNull();
    storage.storeSession("store-support", session);
    storage.storeOutbox("c1", '[{"text":"hi"}]');
    expect(storage.readSession("store-support")).toEqual(session);
    expect(storage.readOutbox("c1")).toBe('[{"text":"hi"}]');
    storage.storeOutbox("c1", "[]");
    expect(storage.readOutbox("c1")).toBeNull();
  });

  it("in the widget, starts from what the embedding page kept and tells it every change, once", () => {
    withWindow(() => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    });
    const writes: Array<[string, string | null]> = [];
    const host = { entries: new Map([["baton.chat.store-support", JSON.stringify(session)]]), write: (key: string, value: string | null) => void writes.push([key, value]) };
    const storage = createChatStorage({ site: "https://shop.example", host });
    expect(storage.readSession("store-support")).toEqual(session);
    storage.storeSession("store-support", session);
    expect(writes).toEqual([]);
    storage.storeOutbox("c1", '[{"text":"hi"}]');
    storage.storeSession("store-support", null);
    expect(writes).toEqual([
      ["baton.outbox.c1", '[{"text":"hi"}]'],
      ["baton.chat.store-support", null],
    ]);
  });

  it("in the widget, files the page's own keys under the embedding site, so another site never reads them", () => {
    const local = memoryStorage();
    withWindow(() => local);
    createChatStorage({ site: "https://shop.example" }).storeSession("store-support", session);
    expect([...local.data.keys()]).toEqual(["https://shop.example|baton.chat.store-support"]);
    expect(createChatStorage({ site: "https://other.example" }).readSession("store-support")).toBeNull();
    expect(createChatStorage({ site: "https://shop.example" }).readSession("store-support")).toEqual(session);
  });
  it("in the widget without a valid site, files its keys apart from the hosted chat page's, so a framing site never resumes that conversation", () => {
    const local = memoryStorage();
    withWindow(() => local);
    createChatStorage().storeSession("store-support", session);
    expect(createChatStorage({ embed: true }).readSession("store-support")).toBeNull();
    createChatStorage({ embed: true }).storeSession("store-support", { conversationId: "c2", token: "t2" });
    expect([...local.data.keys()].sort()).toEqual(["baton.chat.store-support", "embed|baton.chat.store-support"]);
    expect(createChatStorage().readSession("store-support")).toEqual(session);
  });
});

describe("localStorageWorks", () => {
  it("is true where the page's storage can be written, leaving nothing behind, and false where it throws", () => {
    const local = memoryStorage();
    withWindow(() => local);
    expect(localStorageWorks()).toBe(true);
    expect(local.data.size).toBe(0);
    withWindow(() => {
      throw new DOMException("Access is denied for this document.", "SecurityError");
    });
    expect(localStorageWorks()).toBe(false);
  });
});

describe("parseHostOrigin", () => {
  it("accepts exactly a web origin and nothing else", () => {
    expect(parseHostOrigin("https://shop.example")).toBe("https://shop.example");
    expect(parseHostOrigin("http://localhost:3000")).toBe("http://localhost:3000");
    for (const value of [null, "", "*", "null", "https://shop.example/", "https://shop.example/page", "javascript:alert(1)", "file:///tmp/x", "shop.example"]) {
      expect(parseHostOrigin(value)).toBeNull();
    }
  });
});
