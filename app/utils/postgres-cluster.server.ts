/**
 * A throwaway PostgreSQL server for tests and development tools: a new cluster in a temporary
 * folder, on a free loopback port, trusted local connections only, removed on stop. Uses the
 * machine's PostgreSQL binaries (Debian's `postgresql` package: /usr/lib/postgresql/<v>/bin).
 * PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type PostgresCluster = { url: string; port: number; dir: string; stop: () => void };

/** The folder holding initdb and pg_ctl, newest version first; null when PostgreSQL is not installed. */
export function findPostgresBinaries(): string | null {
  const base = "/usr/lib/postgresql";
  if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((name) => fs.existsSync(path.join(base, name, "bin/initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function asOwner(command: string, args: string[], runAsPostgres: boolean): void {
  const result = runAsPostgres
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ")], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(command)} failed: ${result.stderr || result.stdout || result.error?.message}`);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install -y postgresql)");
  const runAsPostgres = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-pg-"));
  if (runAsPostgres) execFileSync("chown", ["postgres:postgres", dir]);
  const data = path.join(dir, "data");
  asOwner(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], runAsPostgres);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200`;
  asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(data, "server.log"), "-o", options, "-w", "-t", "60", "start"], runAsPostgres);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asOwner(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], runAsPostgres);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, port, dir, stop };
}
