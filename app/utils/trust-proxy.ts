/**
 * TRUST_PROXY → express's `trust proxy` setting. Unset (or "false"/"0"): no proxy is trusted, the
 * client is the socket's peer and X-Forwarded-For is ignored. A number: that many proxies in
 * front of Baton append to X-Forwarded-For, so the client is that many hops from the right.
 * "true" means ONE proxy (express's own `true` would believe the left-most entry, which the
 * client writes). Anything else is a list of trusted proxy addresses or subnets
 * ("loopback", "10.0.0.0/8, 192.168.1.10").
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  const setting = (value ?? "").trim();
  if (setting === "" || setting === "false" || setting === "0") return false;
  if (setting === "true") return 1;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(",").map((entry) => entry.trim()).filter(Boolean);
}
