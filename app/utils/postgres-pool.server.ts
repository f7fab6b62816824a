/**
 * The PostgreSQL connection pool handed to Prisma's driver adapter (@prisma/adapter-pg).
 *
 * Workaround for the open upstream issue prisma/orm#27403: through the adapter, `prisma migrate
 * deploy` (and `migrate diff`) fail with "Column type 'name' could not be deserialized from the
 * database" (likewise `"char"`): the adapter has no mapping for PostgreSQL's `name` (OID 19) and
 * `"char"` (OID 18) types, which the migration engine's catalog queries return. Every pg pool in
 * the process reports such columns as `text` (OID 25) — the same characters — for `pool.query(...)` and for clients taken with
 * `pool.connect()`, the two ways the adapter queries. It is done on pg.Pool's prototype because the
 * adapter also opens pools of its own (the shadow database of `migrate diff`). Delete this
 * function when the upstream issue is fixed.
 */
import pg from "pg";

// The catalog types the adapter cannot read: `name` (19) and the one-byte `"char"` (18, e.g. pg_class.relkind).
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Fields = { fields?: Array<{ dataTypeID: number }> };
type AnyFunction = (...args: unknown[]) => unknown;

function nameAsText<T>(result: T): T {
  for (const field of (result as Fields | undefined)?.fields ?? []) {
    if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

function wrapQuery(query: AnyFunction): AnyFunction {
  return function (this: unknown, ...args: unknown[]) {
    // With a callback pg returns nothing; the adapter never passes one.
    const result = query.apply(this, args);
    return result instanceof Promise ? result.then(nameAsText) : result;
  };
}

let installed = false;

export function reportNameColumnsAsText(): void {
  if (installed) return;
  installed = true;
  const prototype = pg.Pool.prototype as unknown as { query: AnyFunction; connect: AnyFunction };
  prototype.query = wrapQuery(prototype.query);
  const connect = prototype.connect;
  prototype.connect = function (this: unknown, ...args: unknown[]) {
    const result = connect.apply(this, args);
    if (!(result instanceof Promise)) return result;
    return result.then((client: { query: AnyFunction; __batonNameAsText?: true }) => {
      if (!client.__batonNameAsText) {
        client.query = wrapQuery(client.query);
        client.__batonNameAsText = true;
      }
      return client;
    });
  };
}

export function createPostgresPool(connectionString: string): pg.Pool {
  reportNameColumnsAsText();
  // jit=off: the analytics queries' estimated costs pass jit_above_cost, and compiling them took
  // ~20 ms of each ~100 ms query (EXPLAIN ANALYZE over 100k conversations) for no faster execution.
  // max_parallel_workers_per_gather=0: only the analytics reports' scans get parallel plans, and
  // each worker is a new process that starts with cold caches: a one-flow 90-day report cost ~30
  // to 60 ms more server CPU with them (bench/analytics.ts data) for little wall time on 2 cores.
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10) || 10,
    options: "-c jit=off -c max_parallel_workers_per_gather=0",
  });
  // An idle connection the server closed (a restart, a failover) is dropped and replaced on the
  // next query; unhandled, the pool's "error" event would end the process.
  pool.on("error", (error) => console.warn("[postgres] an idle connection failed and was dropped:", error.message));
  return pool;
}
