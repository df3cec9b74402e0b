import { spawn, type ChildProcess } from "node:child_process";

export type Service = { name: string; child: ChildProcess; exited: Promise<number>; stop(): Promise<void> };

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Starts a command in its own process group with prefixed output; stop() ends the whole group. */
export function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    let pending = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`[${name}] ${line}\n`);
    });
  }
  const exited = new Promise<number>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  const pid = child.pid!;
  const killOnExit = () => signalGroup(pid, "SIGKILL");
  process.on("exit", killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      process.off("exit", killOnExit);
      signalGroup(pid, "SIGTERM");
      const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 8_000).unref());
      if ((await Promise.race([exited, timeout])) === "timeout") signalGroup(pid, "SIGKILL");
    })());
  return { name, child, exited, stop };
}

/** Stops everything on Ctrl-C or SIGTERM, and when any one service exits. */
export function superviseUntilExit(stops: Array<() => Promise<void>>, services: Service[]): void {
  let done = false;
  const shutdown = async (code: number) => {
    if (done) return;
    done = true;
    await Promise.allSettled(stops.map((stop) => stop()));
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  for (const service of services) {
    void service.exited.then((code) => {
      if (!done) console.log(`${service.name} exited (${code}); stopping the rest.`);
      void shutdown(code);
    });
  }
}
