import { z } from "zod";
import { FieldNameSchema } from "../shared/field-name";
import type { HandleDefinition } from "../types";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export const HttpMethodSchema = z.enum(HTTP_METHODS);
export type HttpMethod = z.infer<typeof HttpMethodSchema>;

export const DEFAULT_TIMEOUT_MS = 5000;
export const MAX_TIMEOUT_MS = 15_000;
const MAX_HEADERS = 20;

/** Header names as RFC 9110 tokens: a name with a space or colon could smuggle a second header. */
export const HeaderNameSchema = z.string().min(1).max(100).regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "Use a header name like X-Api-Version (letters, digits and -)");

/** Credential names are referenced from flows: short identifiers, never the secret itself. */
export const CredentialNameSchema = z.string().min(1, "Name the key, e.g. orders-api").max(64, "At most 64 characters").regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "Use lower-case words joined by - or _ (e.g. orders-api)");

export const ResponseMappingSchema = z.strictObject({
  /** A JSON path into the response: `$.order.status`, `$.items[0].name`. */
  path: z.string().min(1).max(300),
  field: FieldNameSchema,
  /** Missing or null → the call takes `failed`. Optional values just stay unset. */
  required: z.boolean().default(true),
});
export type ResponseMapping = z.infer<typeof ResponseMappingSchema>;

export const HttpDataSchema = z.strictObject({
  method: HttpMethodSchema.default("GET"),
  /** `{{field}}` placeholders are URL-encoded when filled. */
  url: z.string().max(2000).default(""),
  headers: z
    .record(HeaderNameSchema, z.string().max(2000))
    .refine((headers) => Object.keys(headers).length <= MAX_HEADERS, `At most ${MAX_HEADERS} headers`)
    .default({ Accept: "application/json" }),
  /** A JSON template: `{{field}}` inside a string is escaped, outside one it becomes a JSON value. */
  body: z.string().max(20_000).optional(),
  timeoutMs: z.number().int().min(500).max(MAX_TIMEOUT_MS).default(DEFAULT_TIMEOUT_MS),
  /** The name of a workspace credential (API key), sent as a bearer token unless its settings say otherwise. */
  credential: CredentialNameSchema.optional(),
  map: z.array(ResponseMappingSchema).max(50).default([]),
});
export type HttpData = z.infer<typeof HttpDataSchema>;

// `failed` is not a customer failure (the repeated-failure trigger counts what the bot did not
// understand); the author routes it, usually to a handoff that names what failed.
export const httpHandles = (): HandleDefinition[] => [
  { id: "ok", label: "Succeeded" },
  { id: "failed", label: "Failed" },
];
