/**
 * Preloaded into each build child (`node --import <this file> …`): when the
 * process exits, writes its peak resident set size (and the CPU time it
 * used) to the file named by BENCH_PEAK_RSS_FILE. Plain JavaScript, so the bare Eleventy build needs no
 * TypeScript loader.
 *
 * On Linux it also reports the peak RSS of the child processes still alive
 * at that moment (esbuild's service process, for Billet): they are separate
 * processes, not counted in Node's own figure.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

const target = process.env.BENCH_PEAK_RSS_FILE;

function helpersPeakKb() {
  if (process.platform !== "linux") return 0;
  let total = 0;
  try {
    for (const name of readdirSync("/proc")) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        // Fields after the command name (which may hold spaces): state, ppid, …
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (ppid !== process.pid) continue;
        const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${name}/status`, "utf8"));
        if (hwm) total += Number(hwm[1]);
      } catch {
        // The process ended while being read.
      }
    }
  } catch {
    return 0;
  }
  return total;
}

if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes, CPU times in microseconds.
    const record = {
      maxRssKb: usage.maxRSS,
      cpuUs: usage.userCPUTime + usage.systemCPUTime,
      helpersKb: helpersPeakKb(),
    };
    try {
      writeFileSync(target, JSON.stringify(record));
    } catch {
      // Nothing to report to: the benchmark will say the figure is missing.
    }
  });
}
