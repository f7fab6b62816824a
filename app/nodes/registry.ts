/**
 * Every node kind, by id. The compiler, the diagnostics, the turn runner and (later) the builder
 * know kinds only through this table; a kind missing here is a type error.
 */
import { collectBehaviour } from "./collect/behaviour";
import { compileCollect, diagnoseCollect } from "./collect/compile";
import { CollectDataSchema, collectHandles } from "./collect/schema";
import { conditionBehaviour } from "./condition/behaviour";
import { compileCondition, diagnoseCondition } from "./condition/compile";
import { ConditionDataSchema, conditionHandles } from "./condition/schema";
import { endBehaviour } from "./end/behaviour";
import { compileEnd, diagnoseEnd } from "./end/compile";
import { EndDataSchema } from "./end/schema";
import { escalateBehaviour } from "./escalate/behaviour";
import { compileEscalate, diagnoseEscalate } from "./escalate/compile";
import { EscalateDataSchema } from "./escalate/schema";
import { gateBehaviour } from "./gate/behaviour";
import { compileGate } from "./gate/compile";
import { GateDataSchema, gateHandles } from "./gate/schema";
import { intentBehaviour } from "./intent/behaviour";
import { compileIntent, diagnoseIntent } from "./intent/compile";
import { IntentDataSchema, intentHandles } from "./intent/schema";
import { kbBehaviour } from "./kb/behaviour";
import { compileKb } from "./kb/compile";
import { KbDataSchema, kbHandles } from "./kb/schema";
import type { NodeKind } from "./kinds";
import { compileMessage, diagnoseMessage } from "./message/compile";
import { MessageDataSchema, messageHandles } from "./message/schema";
import { listTemplateFields } from "./shared/template";
import { compileStart } from "./start/compile";
import { StartDataSchema, startHandles } from "./start/schema";
import { defineNodeKind, type NodeKindDefinition } from "./types";

function readsTemplate(field: string, text: string) {
  return listTemplateFields(text).map((name) => ({ name, field }));
}

export const nodeRegistry = {
  start: defineNodeKind({
    label: "Start",
    description: "Where every conversation begins: greets the customer.",
    icon: "🚀",
    schema: StartDataSchema,
    role: "entry",
    createData: () => StartDataSchema.parse({}),
    handles: startHandles,
    waitsForCustomer: false,
    compile: compileStart,
    diagnose: (data) =>
      data.greeting.trim() ? [] : [{ severity: "warning", code: "empty-message", field: "greeting", message: "The greeting is empty: the bot starts without saying hello." }],
    fieldsRead: (data) => readsTemplate("greeting", data.greeting),
  }),
  message: defineNodeKind({
    label: "Send a message",
    description: "Says something to the customer; can include captured details like {{order_id}}.",
    icon: "💬",
    schema: MessageDataSchema,
    createData: () => MessageDataSchema.parse({ text: "" }),
    handles: messageHandles,
    waitsForCustomer: false,
    compile: compileMessage,
    diagnose: diagnoseMessage,
    fieldsRead: (data) => readsTemplate("text", data.text),
  }),
  intent: defineNodeKind({
    label: "Detect intent",
    description: "Waits for the customer's message and works out what they want.",
    icon: "🎯",
    schema: IntentDataSchema,
    createData: () => IntentDataSchema.parse({}),
    handles: intentHandles,
    waitsForCustomer: true,
    compile: compileIntent,
    diagnose: diagnoseIntent,
    behaviour: intentBehaviour,
  }),
  collect: defineNodeKind({
    label: "Ask for information",
    description: "Asks for a detail (email, order number…) and checks the answer; skips the question if already given.",
    icon: "📝",
    schema: CollectDataSchema,
    createData: () => CollectDataSchema.parse({}),
    handles: collectHandles,
    // Skips its question when the field is known, so a loop through it can spin without waiting.
    waitsForCustomer: false,
    compile: compileCollect,
    diagnose: diagnoseCollect,
    fieldsCaptured: (data) => [data.field],
    fieldsRead: (data) => readsTemplate("question", data.question),
    behaviour: collectBehaviour,
  }),
  kb: defineNodeKind({
    label: "Answer from knowledge base",
    description: "Answers the customer's question with a help article and shows the source.",
    icon: "📚",
    schema: KbDataSchema,
    createData: () => KbDataSchema.parse({}),
    handles: kbHandles,
    // Each question is answered once; reached again, the node asks for a new question and waits.
    waitsForCustomer: true,
    compile: compileKb,
    behaviour: kbBehaviour,
  }),
  gate: defineNodeKind({
    label: "Check confidence",
    description: "Continues only when the bot was confident enough about the intent or the answer.",
    icon: "🚦",
    schema: GateDataSchema,
    createData: () => GateDataSchema.parse({}),
    handles: gateHandles,
    waitsForCustomer: false,
    compile: compileGate,
    behaviour: gateBehaviour,
  }),
  condition: defineNodeKind({
    label: "Check a field",
    description: "Takes one path or the other depending on a detail the customer gave.",
    icon: "🔀",
    schema: ConditionDataSchema,
    createData: () => ConditionDataSchema.parse({}),
    handles: conditionHandles,
    waitsForCustomer: false,
    compile: compileCondition,
    diagnose: diagnoseCondition,
    fieldsRead: (data) => [{ name: data.field, field: "field" }],
    behaviour: conditionBehaviour,
  }),
  escalate: defineNodeKind({
    label: "Hand off to a team",
    description: "Passes the conversation to a team's inbox with everything the bot learned.",
    icon: "🙋",
    schema: EscalateDataSchema,
    role: "handoff",
    createData: () => EscalateDataSchema.parse({ team: "support" }),
    handles: () => [],
    waitsForCustomer: false,
    compile: compileEscalate,
    diagnose: diagnoseEscalate,
    teams: (data) => (data.team.trim() ? [data.team] : []),
    fieldsRead: (data) => readsTemplate("message", data.message),
    behaviour: escalateBehaviour,
  }),
  end: defineNodeKind({
    label: "End conversation",
    description: "Closes the conversation and asks the customer to rate it.",
    icon: "🏁",
    schema: EndDataSchema,
    createData: () => EndDataSchema.parse({}),
    handles: () => [],
    waitsForCustomer: false,
    compile: compileEnd,
    diagnose: diagnoseEnd,
    fieldsRead: (data) => readsTemplate("text", data.text),
    behaviour: endBehaviour,
  }),
} satisfies Record<NodeKind, NodeKindDefinition<unknown>>;

export function getNodeKind(kind: NodeKind): NodeKindDefinition<unknown> {
  return nodeRegistry[kind] as NodeKindDefinition<unknown>;
}
