/**
 * The flow engine's public surface (pure: no database). The runtime imports only from here.
 *
 * Contract notes (changes to the brief's contract are listed here):
 * - compileFlow(doc, { teams?, knownFields? }) → { machine, diagnostics }; `knownFields` names
 *   fields the runtime pre-fills (startConversation's `fields`), silencing "unknown-field" warnings.
 * - startConversation / runTurn / resumeAt take the compiled machine and the engines; they call
 *   provideEngines themselves (cached), so callers never need to. All take an optional last
 *   `{ timeoutMs }` (default 30 s) after which the turn hands off with trigger "error".
 * - resumeAt throws UnknownNodeError for a node id the flow does not have (check with
 *   listResumableNodes); everything else turns failures into a handoff, never an exception.
 * - Added event types besides the contract's: `engine.error` {engine, error} (before an error
 *   handoff) and `bot.resumed` {} (when an agent hands back).
 * - The output a node took is not an event of its own: the next `node.entered` carries it as
 *   payload { kind, fromNodeId, fromHandle } (one row per step instead of two). Ending is the
 *   runtime's `conversation.resolved` {by: "bot"} with the end node's id.
 * - Parse errors carry `edgeId` for edge errors, besides path/nodeId/field/message; diagnostics
 *   may carry `edgeId` too. `formatFlowParseError` gives the one-line CLI form.
 * - TurnResult.handoff is set whenever status is "handoff"; only a turn that handed off has a
 *   `handoff` event (a message to an already handed-off conversation is ignored by the machine).
 * - `hasErrors(diagnostics)` and `listResumableNodes(machine)` are helpers for publish and the
 *   agent's "hand back to the bot" picker.
 * - listIntentModels(doc) → every intent node's { modelKey, intents }: the runtime trains the
 *   embedded classifier with them when a version is published or compiled.
 * - The bot's own texts (KB prompt, "Did this help?", validation hints, CSAT question) follow
 *   `settings.locale` (SUPPORTED_LOCALES: en es fr de pt; anything else is English).
 * - A handoff says nothing by itself unless the escalate node has its own message
 *   (HandoffRequest.announced); the runtime adds the one notice naming the team (phrasesFor).
 */
export {
  FlowDocumentSchema,
  FlowEdgeSchema,
  FlowNodeSchema,
  FlowSettingsSchema,
  NodeIdSchema,
  TeamSlugSchema,
  type FlowDocument,
  type FlowDocumentInput,
  type FlowEdge,
  type FlowNode,
  type FlowNodeOf,
  type FlowSettings,
} from "./document";
export { parseFlowDocument, stringifyFlowDocument, formatFlowParseError, type FlowParseError, type FlowParseResult } from "./parse";
export { compileFlow, hasErrors, type CompiledFlow } from "./compile";
export { FLOW_LIMITS, checkFlowJsonBytes, checkFlowSize, utf8Bytes } from "./limits";
export { diagnoseUnparsedFlow } from "./salvage";
export { listIntentModels } from "./intent-models";
export type { CompileOptions, Diagnostic } from "./diagnostics";
export { provideEngines, type FlowMachine, type FlowServices } from "./machine-setup";
export {
  startConversation,
  runTurn,
  resumeAt,
  listResumableNodes,
  UnknownNodeError,
  type BotMessage,
  type FlowEvent,
  type HandoffRequest,
  type TurnInput,
  type TurnOptions,
  type TurnResult,
  type TurnState,
  type TurnStatus,
} from "./turn";
export { isHumanRequest, isStronglyNegative, findSensitiveTerm, detectSensitive } from "./triggers";
export type { FieldValue, FlowContext, Priority } from "~/nodes/shared/context";
export { NODE_KINDS, type NodeKind } from "~/nodes/kinds";
export { SUPPORTED_LOCALES, phrasesFor } from "~/nodes/shared/phrases";
export { nodeRegistry, getNodeKind } from "~/nodes/registry";
