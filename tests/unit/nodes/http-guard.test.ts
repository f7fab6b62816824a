/** The SSRF guard's pure parts: allow-list entries and which addresses count as private. */
import { describe, expect, it } from "vitest";
import { findHostRule, parseHostEntry, parseHostList, type HostRule } from "~/integrations/host-rules";
import { isPrivateAddress } from "~/integrations/private-address.server";

const rule = (host: string, allowPrivate = false): HostRule => ({ host, allowPrivate, source: "workspace" });

describe("allow-list entries", () => {
  it.each([
    ["api.example.com", "api.example.com"],
    ["  https://API.Example.com/v1/orders?x=1 ", "api.example.com"],
    ["localhost:3000", "localhost:3000"],
    ["*.example.com", "*.example.com"],
    ["[::1]:8080", "[::1]:8080"],
  ])("%s is stored as %s", (input, host) => expect(parseHostEntry(input)).toEqual({ ok: true, host }));

  it.each(["", "exa mple.com", "api.example.com:99999", "*.", "a..b"])("%j is refused with a message", (input) => {
    const parsed = parseHostEntry(input);
    expect(parsed.ok).toBe(false);
  });

  it("without a port allows the standard ports only; with one, that port only", () => {
    const rules = [rule("api.example.com"), rule("internal.example.com:8443")];
    expect(findHostRule(new URL("https://api.example.com/x"), rules)).toEqual(rules[0]);
    expect(findHostRule(new URL("http://api.example.com/x"), rules)).toEqual(rules[0]);
    expect(findHostRule(new URL("https://api.example.com:8080/x"), rules)).toBeNull();
    expect(findHostRule(new URL("https://internal.example.com:8443/x"), rules)).toEqual(rules[1]);
    expect(findHostRule(new URL("https://internal.example.com/x"), rules)).toBeNull();
  });

  it("a wildcard covers subdomains, not the bare domain or look-alikes", () => {
    const rules = [rule("*.example.com")];
    expect(findHostRule(new URL("https://eu.api.example.com/"), rules)).not.toBeNull();
    expect(findHostRule(new URL("https://example.com/"), rules)).toBeNull();
    expect(findHostRule(new URL("https://evilexample.com/"), rules)).toBeNull();
  });

  it("reads BATON_HTTP_ALLOWED_HOSTS and names a bad entry", () => {
    expect(parseHostList("127.0.0.1:4000, api.example.com", "V")).toEqual(["127.0.0.1:4000", "api.example.com"]);
    expect(() => parseHostList("ok.com, bad host", "BATON_HTTP_ALLOWED_HOSTS")).toThrow(/BATON_HTTP_ALLOWED_HOSTS: "bad host"/);
  });
});

describe("private addresses", () => {
  it.each(["127.0.0.1", "127.5.5.5", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "::1", "::", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "64:ff9b::a9fe:a9fe", "2002:0a00:0001::1", "not-an-ip"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => expect(isPrivateAddress(address)).toBe(false));
});
