import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { openSseResponse } from "~/runtime/sse.server";

// A real collection, as a long-running server has: Node's Request forwards the client's abort
// through a controller that only the Request holds (undici#1926).
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

describe("an event stream whose client went away", () => {
  it("is released on the client's abort after a garbage collection, with nothing but the stream holding the Request", async () => {
    const client = new AbortController();
    let released = false;
    const response = openSseResponse(new Request("http://localhost/events", { signal: client.signal }), () => () => {
      released = true;
    });
    // WeakRefs hold their target until the current job ends: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    client.abort();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(released).toBe(true);
    expect(response.body).not.toBeNull();
  });
});
