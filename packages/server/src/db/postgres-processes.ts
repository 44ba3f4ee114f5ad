import fs from 'node:fs';
import path from 'node:path';

/**
 * What the processes of an embedded cluster look like from outside: its postmaster.pid,
 * and (on Linux) every process whose working directory is the cluster, which PostgreSQL
 * sets for the postmaster and each backend. Without /proc only the pid file is known.
 */

const HAS_PROC = fs.existsSync('/proc/self/stat');
const LEFTOVER_WAIT_MS = 10_000;

export interface Postmaster {
  pid: number;
  port: number;
}

export function readPostmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The postmaster serving `clusterDir` and its port, when a live process serves it. */
export function runningPostmaster(clusterDir: string): Postmaster | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !servesCluster(pid, clusterDir)) return undefined;
  return Number.isInteger(port) && port > 0 ? { pid, port } : undefined;
}

export function isAlive(pid: number): boolean {
  return pidExists(pid) && procStat(pid)?.state !== 'Z';
}

/** Whether a process (a zombie included, as PostgreSQL's own check counts it) has this pid. */
function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under a user we may not signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A postmaster whose parent is no longer a Node process: the Custos process that started it
 * was killed (SIGKILL leaves no chance to stop it) and it was handed to init or a subreaper.
 */
export function isOrphaned(pid: number): boolean {
  const ppid = procStat(pid)?.ppid;
  if (ppid === undefined) return false;
  try {
    return !/^node/.test(path.basename(fs.readlinkSync(`/proc/${ppid}/exe`)));
  } catch {
    return ppid === 1;
  }
}

/** Stops a postmaster that is not our child: fast shutdown, then immediate, then SIGKILL. */
export async function stopByPid(pid: number, clusterDir: string): Promise<void> {
  for (const [signal, ms] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      break;
    }
    if (await waitFor(() => !isAlive(pid), ms)) break;
  }
  await clearLeftovers(clusterDir);
}

/**
 * Makes the cluster startable after its postmaster died. Backends of a killed postmaster
 * keep its shared memory attached until they notice (a busy one only after its query),
 * and PostgreSQL refuses to start while they do; they are doomed anyway, so they are
 * killed. A stale postmaster.pid is left to PostgreSQL, which checks the old shared memory
 * through it, unless its pid now belongs to another process: that would pass for a
 * running server.
 */
export async function clearLeftovers(clusterDir: string): Promise<void> {
  const running = runningPostmaster(clusterDir);
  if (running) throw new Error(`PostgreSQL (pid ${running.pid}) still serves ${clusterDir}`);
  const left = clusterProcesses(clusterDir);
  for (const pid of left) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  if (left.length > 0 && !(await waitFor(() => clusterProcesses(clusterDir).length === 0, LEFTOVER_WAIT_MS))) {
    throw new Error(`old PostgreSQL processes of ${clusterDir} did not exit: ${clusterProcesses(clusterDir).join(', ')}`);
  }
  const pid = readPostmasterPid(clusterDir);
  if (pid !== undefined && pidExists(pid)) fs.rmSync(path.join(clusterDir, 'postmaster.pid'), { force: true });
}

/** Every live process working in `clusterDir`: the postmaster and its children. */
export function clusterProcesses(clusterDir: string): number[] {
  if (!HAS_PROC) return [];
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) === clusterDir && procStat(Number(entry))?.state !== 'Z') found.push(Number(entry));
    } catch {
      // Gone meanwhile, or not ours to inspect.
    }
  }
  return found;
}

function servesCluster(pid: number, clusterDir: string): boolean {
  if (!HAS_PROC) return true;
  try {
    return fs.readlinkSync(`/proc/${pid}/cwd`) === clusterDir;
  } catch (error) {
    // Not allowed to look: the pid file and a live pid are all there is to go on.
    return (error as NodeJS.ErrnoException).code === 'EACCES';
  }
}

function procStat(pid: number): { state: string; ppid: number } | undefined {
  if (!HAS_PROC) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}
