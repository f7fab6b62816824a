/**
 * Autosave's states as one machine, so the rules live in one place and are unit-tested:
 *
 *   saved ──edit──▶ dirty ──0.8 s quiet──▶ saving ──ok──▶ saved (or dirty when edited meanwhile)
 *                                            │──409──▶ conflict ──overwrite / adopt──▶ saving / saved
 *                                            │──400──▶ refused (an edit tries again)
 *                                            └─other─▶ retrying ──backoff / online──▶ saving
 *
 * The machine holds the revision the next save is based on; the document itself stays with the
 * caller (it changes on every keystroke): the `save` actor posts the one on screen when a save
 * starts, and `hasUnsavedEdits` compares the one on screen with the last one stored.
 */
import { assign, fromPromise, setup } from "xstate";
import type { ApiResult } from "./editor-api";

export const DEBOUNCE_MS = 800;
export const RETRY_MS = [2_000, 5_000, 10_000, 30_000];

export type SaveInput = { revision: number };
export type SaveOutput = { result: ApiResult<{ revision: number; unpublishedChanges: boolean }>; token: unknown };

export type AutosaveContext = {
  /** The revision the next save is based on. */
  revision: number;
  failures: number;
  message: string;
  serverRevision: number;
  /** Names the document the last successful save stored (the caller's token). */
  storedToken: unknown;
  unpublishedChanges: boolean;
};

export type AutosaveEvent =
  | { type: "edit" }
  | { type: "flush" }
  | { type: "online" }
  | { type: "overwrite" }
  | { type: "adopt"; revision: number }
  | { type: "revision"; revision: number };

export const autosaveMachine = setup({
  // "pending": a save is due or under way (flush waits for the machine to leave these states).
  types: {} as { context: AutosaveContext; events: AutosaveEvent; input: { revision: number }; tags: "pending" },
  actors: {
    // Supplied by the caller (machine.provide): posts the current document, answers with the
    // result and a token naming the document it sent.
    save: fromPromise<SaveOutput, SaveInput>(async () => {
      throw new Error("autosave: no save actor provided");
    }),
  },
  actions: {
    // Supplied by the caller: the document named by `storedToken` is now on the server.
    savedDocument: () => {},
  },
  guards: {
    // Supplied by the caller: does the document on screen differ from the one last stored?
    hasUnsavedEdits: () => false,
  },
  delays: {
    debounce: DEBOUNCE_MS,
    backoff: ({ context }) => RETRY_MS[Math.min(context.failures - 1, RETRY_MS.length - 1)],
  },
}).createMachine({
  id: "autosave",
  context: ({ input }) => ({ revision: input.revision, failures: 0, message: "", serverRevision: input.revision, storedToken: null, unpublishedChanges: false }),
  initial: "saved",
  on: {
    // After publishing: the server rewrote the draft under a new revision with the same content.
    revision: { actions: assign({ revision: ({ event }) => event.revision }) },
    // Conflict resolved in favour of the server's draft, which is now on screen.
    adopt: { target: ".saved", actions: assign({ revision: ({ event }) => event.revision, failures: 0 }) },
  },
  states: {
    saved: { on: { edit: "dirty", flush: { guard: "hasUnsavedEdits", target: "saving" } } },
    dirty: {
      tags: ["pending"],
      after: { debounce: "saving" },
      on: { edit: { target: "dirty", reenter: true }, flush: "saving", online: "saving" },
    },
    // Edits made while a save is in flight are noticed when it ends (hasUnsavedEdits).
    saving: {
      tags: ["pending"],
      invoke: {
        src: "save",
        input: ({ context }) => ({ revision: context.revision }),
        onDone: [
          {
            guard: ({ event }) => event.output.result.ok,
            target: "stored",
            actions: assign({
              revision: ({ event, context }) => (event.output.result.ok ? event.output.result.data.revision : context.revision),
              unpublishedChanges: ({ event }) => event.output.result.ok && event.output.result.data.unpublishedChanges,
              storedToken: ({ event }) => event.output.token,
              failures: 0,
            }),
          },
          {
            guard: ({ event }) => failureStatus(event) === 409,
            target: "conflict",
            actions: assign({ serverRevision: ({ event, context }) => Number(failureBody(event)?.revision ?? context.revision) }),
          },
          // A refused document (400) will be refused again until it is edited.
          { guard: ({ event }) => failureStatus(event) === 400, target: "refused", actions: assign({ message: ({ event }) => failureMessage(event) }) },
          { target: "retrying", actions: assign({ message: ({ event }) => failureMessage(event), failures: ({ context }) => context.failures + 1 }) },
        ],
        onError: { target: "retrying", actions: assign({ message: "the save failed unexpectedly.", failures: ({ context }) => context.failures + 1 }) },
      },
    },
    // The save went through: tell the caller, then carry on with edits made meanwhile, if any.
    stored: {
      tags: ["pending"],
      entry: "savedDocument",
      always: [{ guard: "hasUnsavedEdits", target: "dirty" }, { target: "saved" }],
    },
    refused: { on: { edit: "dirty" } },
    retrying: {
      after: { backoff: "saving" },
      on: { online: "saving", flush: "saving", edit: "dirty" },
    },
    // Autosave stops until the person picks: overwrite theirs, or adopt it (the `adopt` event).
    conflict: {
      on: { overwrite: { target: "saving", actions: assign({ revision: ({ context }) => context.serverRevision }) } },
    },
  },
});

type DoneEvent = { output: SaveOutput };
const failureStatus = ({ output }: DoneEvent) => (output.result.ok ? null : output.result.status);
const failureBody = ({ output }: DoneEvent) => (output.result.ok ? null : output.result.body);
const failureMessage = ({ output }: DoneEvent) => (output.result.ok ? "" : output.result.message);

/** What the save indicator shows for a machine state. */
export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; serverRevision: number };

export function describeSaveState(state: { value: unknown; context: AutosaveContext }): SaveState {
  switch (state.value) {
    case "saved":
      return { kind: "saved" };
    case "refused":
    case "retrying":
      return { kind: "error", message: state.context.message };
    case "conflict":
      return { kind: "conflict", serverRevision: state.context.serverRevision };
    default:
      return { kind: "saving" };
  }
}
