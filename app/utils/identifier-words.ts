/** "track_order", "trackOrder", "track-order", "Track order" → ["track", "order"]: an identifier's words, lower case. */
export function identifierWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
