// Preloaded into a server under test (node --import): on SIGUSR2 it writes the process's
// CPU time and garbage-collection time so far to PROBE_FILE, with a sequence number the
// benchmark waits for. Costs nothing between reads but a PerformanceObserver on GC.
import fs from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const file = process.env.PROBE_FILE;
if (file) {
  let gcMs = 0;
  let gcCount = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcCount += 1;
    }
  }).observe({ entryTypes: ['gc'] });
  let seq = 0;
  process.on('SIGUSR2', () => {
    const cpu = process.cpuUsage();
    seq += 1;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ seq, cpuMs: (cpu.user + cpu.system) / 1000, gcMs, gcCount }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
