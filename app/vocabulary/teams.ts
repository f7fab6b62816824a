/**
 * The team a handoff goes to when nothing names one (a new flow's settings, a new hand-off step,
 * a bot error), and the team the demo workspace seeds first. Client-safe.
 */
export const DEFAULT_TEAM = "support";
