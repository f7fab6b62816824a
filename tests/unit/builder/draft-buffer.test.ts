import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chooseInitialDraft, clearDraftBuffer, readDraftBuffer, writeDraftBuffer, type DraftBuffer } from "~/builder/draft-buffer";
import type { FlowDocument } from "~/flow/document";

/** A Map-backed stand-in for the browser's localStorage (node has none). */
class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal("window", { localStorage: storage });
});
// Unit files share one module environment: a `window` left behind makes a module imported later
// take itself for browser code (timeline.tsx chose useLayoutEffect and React warned).
afterEach(() => vi.unstubAllGlobals());

const doc = (greeting: string): FlowDocument => ({
  schemaVersion: 1,
  name: "Store",
  slug: "store",
  settings: {
    defaultTeam: "support",
    humanRequest: { enabled: true, team: "support", priority: "normal" },
    repeatedFailure: { enabled: true, limit: 2, team: "support", priority: "normal" },
    sensitive: { enabled: false, terms: [], team: "support", priority: "high" },
  },
  nodes: [{ id: "start", kind: "start", position: { x: 0, y: 0 }, data: { greeting } }],
  edges: [],
});
const buffer = (document: FlowDocument, baseRevision: number): DraftBuffer => ({ baseRevision, document, savedAt: 1, tabId: "tab-a" });

describe("the draft buffer", () => {
  it("keeps a draft per flow until cleared", () => {
    expect(writeDraftBuffer("f1", buffer(doc("Hi"), 3))).toBe(true);
    expect(readDraftBuffer("f1")).toEqual(buffer(doc("Hi"), 3));
    expect(readDraftBuffer("f2")).toBeNull();
    clearDraftBuffer("f1");
    expect(readDraftBuffer("f1")).toBeNull();
  });

  it("reads a damaged or foreign entry as nothing, and says so when the browser refuses to store", () => {
    storage.items.set("baton.builder.draft.f1", "{not json");
    expect(readDraftBuffer("f1")).toBeNull();
    storage.items.set("baton.builder.draft.f1", JSON.stringify({ baseRevision: 1, document: { nodes: "?" }, savedAt: 1 }));
    expect(readDraftBuffer("f1")).toBeNull();
    storage.full = true;
    expect(writeDraftBuffer("f1", buffer(doc("Hi"), 3))).toBe(false);
  });

  it("continues local edits on the same revision, asks when someone saved since, ignores what the server has", () => {
    const server = { document: doc("Hello"), revision: 4 };
    expect(chooseInitialDraft(server, null)).toEqual({ source: "server", document: server.document });
    expect(chooseInitialDraft(server, buffer(doc("Hello"), 2))).toEqual({ source: "server", document: server.document });
    expect(chooseInitialDraft(server, buffer(doc("Hey"), 4))).toEqual({ source: "buffer", document: doc("Hey") });
    const stale = buffer(doc("Hey"), 3);
    expect(chooseInitialDraft(server, stale)).toEqual({ source: "stale-buffer", document: server.document, buffer: stale });
  });
});
