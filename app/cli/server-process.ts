/**
 * How the production server (serve.ts) is started and what it prints, for the programs that start
 * it as a child process (`npm start`, the tests, the benchmarks). A module of its own so they need
 * not load the server's HTTP stack (express, Remix's adapter) only to read these.
 */
export const READY_LINE = "[baton] listening on";
export const MEMORY_LINE = "[baton] memory after gc";

/**
 * The node flags of the server process (`npm start`, the tests' and benchmarks' production
 * server). V8's allocation-site pretenuring is off: under load it decides that the
 * objects of a turn (XState actors, snapshots, responses) live long and allocates them straight
 * into the old generation, where they die a few milliseconds later. Measured with --trace-gc on
 * the turns bench: scavenge pauses 3.3–4.1 ms → 1.9–2.4 ms on average, 39–44 → 23–27 ms of
 * scavenging per second, and about 5% less server CPU per turn.
 */
export const SERVER_V8_FLAGS = ["--no-allocation-site-pretenuring"];

/** The node arguments that run serve.ts, TypeScript, as the server. */
export const SERVER_NODE_ARGS = [...SERVER_V8_FLAGS, "--import", "tsx"];
