import fs from "node:fs";
import type { z } from "zod";

/** Reads and validates a JSON file; errors name the file and each bad row/field ("row 3, intent: …"). */
export function readJsonFile<T>(file: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 5).map((issue) => {
    const [row, ...field] = issue.path;
    const where = typeof row === "number" ? `row ${row + 1}${field.length ? `, ${field.join(".")}` : ""}` : issue.path.join(".") || "file";
    return `${where}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > problems.length ? ` (and ${parsed.error.issues.length - problems.length} more)` : "";
  throw new Error(`${file}: ${problems.join("; ")}${more}`);
}
