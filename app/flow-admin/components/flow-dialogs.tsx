import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { Dialog } from "~/components/dialog";
import { Field, FormError, type FieldErrors } from "~/components/form";
import { Icon } from "~/components/icons";
import { describeDeletion, type FlowRow } from "./flow-table";
import { FLOW_LIST_INTENTS } from "../intents";

export type StarterOption = { id: string; name: string; steps: number; summary: string };

type DialogProps = { open: boolean; onClose: () => void; errors?: FieldErrors; formError?: string | null };

function useBusy(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
}

export function NewFlowDialog({ open, onClose, errors = {}, formError, starters }: DialogProps & { starters: StarterOption[] }) {
  const [starter, setStarter] = useState("");
  const busy = useBusy(FLOW_LIST_INTENTS.create);
  const options = [{ id: "", name: "Blank flow", description: "An empty canvas: drag in the steps you need." }, ...starters.map((option) => ({ id: option.id, name: option.name, description: option.summary }))];
  return (
    <Dialog open={open} onClose={onClose} title="New flow" description="Start from scratch or from one of the flows that ship with Baton." wide>
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.create} />
        <FormError message={formError} />
        <Field label="Name" name="name" autoComplete="off" placeholder="Returns and exchanges" error={errors.name} data-autofocus required />
        <fieldset className="starter-options">
          <legend className="label">Start from</legend>
          {options.map((option) => (
            <label key={option.id || "blank"} className="starter-option">
              <input type="radio" name="starter" value={option.id} checked={starter === option.id} onChange={() => setStarter(option.id)} />
              <span className="starter-option-body">
                <span className="starter-option-name">{option.name}</span>
                <span className="starter-option-text">{option.description}</span>
              </span>
            </label>
          ))}
          {errors.starter ? <p className="field-error">{errors.starter}</p> : null}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            <Icon name="plus" size={16} />
            Create flow
          </button>
        </div>
      </Form>
    </Dialog>
  );
}

export function RenameFlowDialog({ flow, onClose, errors = {}, formError }: Omit<DialogProps, "open"> & { flow: FlowRow | null }) {
  const busy = useBusy(FLOW_LIST_INTENTS.rename);
  return (
    <Dialog open={flow !== null} onClose={onClose} title="Rename flow" description="The chat page address stays the same.">
      {flow ? (
        <Form method="post" className="stack" noValidate>
          <input type="hidden" name="intent" value={FLOW_LIST_INTENTS.rename} />
          <input type="hidden" name="flowId" value={flow.id} />
          <FormError message={formError} />
          <Field label="Name" name="name" defaultValue={flow.name} autoComplete="off" error={errors.name} data-autofocus required />
          <div className="dialog-actions">
            <button type="button" className="btn btn-secondary" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Save name
            </button>
          </div>
        </Form>
      ) : null}
    </Dialog>
  );
}

export function DeleteFlowDialog({ flow, onClose, formError }: Omit<DialogProps, "open" | "errors"> & { flow: FlowRow | null }) {
  const busy = useBusy(FLOW_LIST_INTENTS.delete);
  const copy = flow ? describeDeletion(flow) : null;
  return (
    <ConfirmDialog
      open={flow !== null}
      onClose={onClose}
      title={copy?.title ?? ""}
      text={copy?.text}
      confirm={copy?.confirm ?? ""}
      fields={{ intent: FLOW_LIST_INTENTS.delete, flowId: flow?.id ?? "" }}
      formError={formError}
      busy={busy}
    />
  );
}
