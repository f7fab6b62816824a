/** "order_id" → "order number", "deliveryDate" → "delivery date": a field as the agent reads it in a handoff cause. */
export function describeFieldForAgent(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  if (words.length > 1 && words[words.length - 1] === "id") words[words.length - 1] = "number";
  return words.join(" ");
}
