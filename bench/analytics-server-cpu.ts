/**
 * CPU time used by a PostgreSQL cluster's processes, for benchmarks that want what a query costs
 * the server apart from the wall time a busy machine inflates. Linux only (/proc): the
 * postmaster's own time, the time of its children that have exited (backends, parallel workers:
 * the kernel adds them to the parent's cutime/cstime when it reaps them) and the time of its
 * living children. Returns null where /proc is not there.
 */
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the kernel ABI has shipped (getconf CLK_TCK)

function statFields(pid: string): string[] | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and brackets: the fields after it start after the last ")".
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** Milliseconds of CPU used so far by the cluster whose postmaster is `postmasterPid`. */
export function clusterCpuMs(postmasterPid: number): number | null {
  const own = statFields(String(postmasterPid));
  if (!own) return null;
  // After the ")": state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(entry);
    if (fields && Number(fields[1]) === postmasterPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The postmaster's pid, from the first line of <data directory>/postmaster.pid. */
export function postmasterPid(dataDirectory: string): number | null {
  try {
    return Number(fs.readFileSync(`${dataDirectory}/postmaster.pid`, "utf8").split("\n")[0]) || null;
  } catch {
    return null;
  }
}
