// A placeholder origin: only whether the resolved address stays on it matters, not its name.
const OWN_ORIGIN = "http://baton.invalid";

/**
 * Where to go after sign-in: only a path on this site, so `?redirectTo=` cannot send anyone
 * off-site. The value is resolved the way a browser resolves a Location header (`new URL`: `\`
 * is `/`, dot segments collapse, tabs and newlines vanish) and checked AFTER that, so
 * `/./\evil.host` or `/x/../\evil.host` cannot become `//evil.host`. The normalised, percent-encoded
 * path is what is returned, so a non-Latin-1 value cannot break the header either.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  // eslint-disable-next-line no-control-regex -- refused outright rather than silently dropped by the parser
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, OWN_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== OWN_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A browser reads a Location starting with "//" (or "/\") as another host.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}

/** Each role's home page. */
export function homePath(role: string): string {
  return role === "admin" ? "/flows" : "/inbox";
}
