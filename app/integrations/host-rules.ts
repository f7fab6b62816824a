/**
 * Allow-list entries for outbound API calls: `host`, `host:port` or `*.domain[:port]`. Without a
 * port an entry allows the standard ports (80 for http, 443 for https) only, so allowing a
 * host never opens its other services. Pure: used by the settings form and the caller.
 */
export type HostRule = { host: string; allowPrivate: boolean; source: "workspace" | "environment" };

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOSTNAME = new RegExp(`^(?:\\*\\.)?${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^\[[0-9a-f:.]+\]$/;

export type ParsedHost = { ok: true; host: string } | { ok: false; error: string };

/** Normalises what an admin typed or pasted ("https://API.example.com/v1" → "api.example.com"). */
export function parseHostEntry(input: string): ParsedHost {
  let text = input.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[/?#].*$/, "");
  if (!text) return { ok: false, error: "Enter a host name, e.g. api.example.com" };
  const portMatch = /^(.*?)(?::(\d{1,5}))?$/.exec(text);
  const name = portMatch?.[1] ?? "";
  const port = portMatch?.[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) return { ok: false, error: "The port must be between 1 and 65535" };
  if (!HOSTNAME.test(name) && !IPV6.test(name)) return { ok: false, error: "Enter a host like api.example.com, api.example.com:8443 or *.example.com" };
  return { ok: true, host: port ? `${name}:${port}` : name };
}

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : "80";
}

function matches(rule: string, hostname: string, port: string): boolean {
  const at = rule.lastIndexOf(":");
  const hasPort = at > rule.lastIndexOf("]") && at !== -1;
  const ruleHost = hasPort ? rule.slice(0, at) : rule;
  const rulePort = hasPort ? rule.slice(at + 1) : null;
  if (rulePort === null ? port !== "" : rulePort !== port) return false;
  if (ruleHost.startsWith("*.")) return hostname.endsWith(ruleHost.slice(1)) && hostname.length > ruleHost.length - 1;
  return hostname === ruleHost;
}

/** The rule that allows `url`, preferring one that permits private addresses. */
export function findHostRule(url: URL, rules: HostRule[]): HostRule | null {
  const hostname = url.hostname.toLowerCase();
  // URL drops a port that is the protocol's default: "" then means the standard port.
  const port = url.port === defaultPort(url.protocol) ? "" : url.port;
  const found = rules.filter((rule) => matches(rule.host, hostname, port) || (port === "" && matches(rule.host, hostname, defaultPort(url.protocol))));
  return found.find((rule) => rule.allowPrivate) ?? found[0] ?? null;
}

/** BATON_HTTP_ALLOWED_HOSTS: comma-separated entries; throws naming the first bad one. */
export function parseHostList(value: string | undefined, variable: string): string[] {
  if (!value?.trim()) return [];
  return value.split(",").filter((entry) => entry.trim()).map((entry) => {
    const parsed = parseHostEntry(entry);
    if (!parsed.ok) throw new Error(`${variable}: "${entry.trim()}" is not a host[:port] (${parsed.error})`);
    return parsed.host;
  });
}
