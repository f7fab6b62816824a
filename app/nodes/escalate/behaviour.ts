import type { Priority } from "../shared/context";
import { requestHandoff } from "../shared/handoff";
import type { BehaviourArgs, KindBehaviour } from "../types";

type HandOffParams = { nodeId: string; team: string; priority: Priority; reason: string; message: string };

export const escalateBehaviour = {
  actions: {
    "escalate.handOff": ({ context, params }: BehaviourArgs<HandOffParams>) =>
      requestHandoff(
        context,
        {
          team: params.team,
          priority: params.priority,
          reason: params.reason.trim() || "Escalated by the flow",
          trigger: "node",
          nodeId: params.nodeId,
        },
        { message: params.message },
      ),
  },
} satisfies KindBehaviour;
