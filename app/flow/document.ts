/**
 * The public flow document: one zod schema used by the editor, the API, the CLI, import and the
 * compiler. Strict everywhere (an unknown field is an error, never dropped). Node `data` is
 * validated by the kind's schema from the registry. Cross-references (edges to missing nodes,
 * unknown teams…) are compile diagnostics, so a draft with a dangling edge can still be saved.
 */
import { z } from "zod";
import { NODE_KINDS, type NodeKind } from "~/nodes/kinds";
import { nodeRegistry } from "~/nodes/registry";
import { PrioritySchema } from "~/nodes/shared/priority";
import { FLOW_LIMITS } from "./limits";

export const NodeIdSchema = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, "Use letters, digits, - and _ only (e.g. ask-email)");

export const TeamSlugSchema = z.string().max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use a team slug: lower-case words joined by - (e.g. support)");

export const PositionSchema = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

function nodeSchema<K extends NodeKind>(kind: K) {
  return z.strictObject({
    id: NodeIdSchema,
    kind: z.literal(kind),
    position: PositionSchema,
    data: nodeRegistry[kind].schema as (typeof nodeRegistry)[K]["schema"],
  });
}

export type FlowNode = { [K in NodeKind]: z.infer<ReturnType<typeof nodeSchema<K>>> }[NodeKind];
export type FlowNodeOf<K extends NodeKind> = Extract<FlowNode, { kind: K }>;

const nodeSchemas = NODE_KINDS.map((kind) => nodeSchema(kind));
export const FlowNodeSchema = z.discriminatedUnion("kind", nodeSchemas as [(typeof nodeSchemas)[number], ...(typeof nodeSchemas)[number][]]);

export const FlowEdgeSchema = z.strictObject({
  // Editors generate long edge ids ("reactflow__edge-<source><handle>-<target>").
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(64),
  sourceHandle: z.string().min(1).max(64),
  target: z.string().min(1).max(64),
});
export type FlowEdge = z.infer<typeof FlowEdgeSchema>;

/** Per-flow chat branding: each field, when set, replaces the workspace's (app/branding/). */
export const FlowBrandingSchema = z.strictObject({
  botName: z.string().trim().min(1).max(40).optional(),
  chatTitle: z.string().trim().min(1).max(60).optional(),
  welcomeLine: z.string().trim().min(1).max(200).optional(),
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #4f46e5").optional(),
});
export type FlowBranding = z.infer<typeof FlowBrandingSchema>;

export const FlowSettingsSchema = z.strictObject({
  defaultTeam: TeamSlugSchema,
  locale: z.string().min(2).max(35).optional(),
  /** What the customer is told when an agent hands the conversation back to the bot (the language's default when absent). */
  handBackMessage: z.string().trim().min(1).max(300).optional(),
  branding: FlowBrandingSchema.optional(),
  humanRequest: z.strictObject({
    enabled: z.boolean().default(true),
    team: TeamSlugSchema,
    priority: PrioritySchema.default("normal"),
  }),
  repeatedFailure: z.strictObject({
    enabled: z.boolean().default(true),
    limit: z.number().int().min(1).max(20).default(2),
    team: TeamSlugSchema,
    priority: PrioritySchema.default("normal"),
  }),
  sensitive: z.strictObject({
    enabled: z.boolean().default(true),
    terms: z.array(z.string().trim().min(1).max(100)).max(200).default([]),
    team: TeamSlugSchema,
    priority: PrioritySchema.default("high"),
  }),
});
export type FlowSettings = z.infer<typeof FlowSettingsSchema>;

export const FlowDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.string().min(1).max(100).optional(),
    name: z.string().trim().min(1).max(200),
    slug: z.string().max(100).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case words joined by - (e.g. store-support)"),
    settings: FlowSettingsSchema,
    // The counts are checked before parsing (limits.ts); these keep the schema honest on its own.
    nodes: z.array(FlowNodeSchema).max(FLOW_LIMITS.steps),
    edges: z.array(FlowEdgeSchema).max(FLOW_LIMITS.edges),
  })
  .superRefine((document, ctx) => {
    const nodeIds = new Set<string>();
    document.nodes.forEach((node, index) => {
      if (nodeIds.has(node.id)) ctx.addIssue({ code: "custom", path: ["nodes", index, "id"], message: `Another node already has the id "${node.id}"` });
      nodeIds.add(node.id);
    });
    const edgeIds = new Set<string>();
    document.edges.forEach((edge, index) => {
      if (edgeIds.has(edge.id)) ctx.addIssue({ code: "custom", path: ["edges", index, "id"], message: `Another edge already has the id "${edge.id}"` });
      edgeIds.add(edge.id);
    });
  });

export type FlowDocument = Omit<z.infer<typeof FlowDocumentSchema>, "nodes"> & { nodes: FlowNode[] };
/** What other tools may write: defaults not yet applied. */
export type FlowDocumentInput = z.input<typeof FlowDocumentSchema>;
