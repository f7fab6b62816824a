import { describe, expect, it } from "vitest";
import { clientAddress } from "~/runtime/api/rate-limit.server";
import { parseTrustProxy } from "~/utils/trust-proxy";

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told", () => {
    for (const value of [undefined, "", " ", "false", "0"]) expect(parseTrustProxy(value)).toBe(false);
  });

  it("reads a hop count, 'true' as one proxy, and lists of addresses or subnets", () => {
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("true")).toBe(1);
    expect(parseTrustProxy("loopback, 10.0.0.0/8,")).toEqual(["loopback", "10.0.0.0/8"]);
  });
});

describe("clientAddress", () => {
  it("is the address the server put in the load context, never a request header", () => {
    expect(clientAddress({ clientAddress: "192.0.2.1" })).toBe("192.0.2.1");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
    expect(clientAddress({ clientAddress: 42 })).toBe("unknown");
  });
});
