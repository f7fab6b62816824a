/** Where to go after sign-in: only same-site paths, so `?redirectTo=` cannot send anyone off-site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if ([...to].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  return to;
}

/** Each role's home page. */
export function homePath(role: string): string {
  return role === "admin" ? "/flows" : "/inbox";
}
