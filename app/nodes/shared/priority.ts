import { z } from "zod";

/** A handoff's priority: flow settings (the global triggers) and escalate steps both choose one. */
export const PrioritySchema = z.enum(["low", "normal", "high", "urgent"]);
