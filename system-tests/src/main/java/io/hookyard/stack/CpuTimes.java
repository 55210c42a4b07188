package io.hookyard.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The machine's CPU time so far, from {@code /proc/stat}. On a shared virtual machine the
 * hypervisor can take a large share of the cores away ("steal"); a benchmark reports that share of
 * its measured phase, so that its figures can be read for what they are.
 */
record CpuTimes(long total, long steal) {
  private static final Path STAT = Path.of("/proc/stat");
  // Fields of the "cpu" line: user nice system idle iowait irq softirq steal (guest time is
  // already inside user and nice).
  private static final int STEAL = 8;

  /** Now, or zeros where {@code /proc/stat} does not exist. */
  static CpuTimes read() {
    try {
      String[] fields = Files.readAllLines(STAT).getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i <= STEAL && i < fields.length; i++) {
        total += Long.parseLong(fields[i]);
      }
      return new CpuTimes(total, fields.length > STEAL ? Long.parseLong(fields[STEAL]) : 0);
    } catch (IOException | RuntimeException e) {
      return new CpuTimes(0, 0);
    }
  }

  /**
   * CPU time used so far by a process and its live descendants (PostgreSQL's backends, say), or
   * zero where the system does not tell.
   */
  static Duration processTree(long pid) {
    return ProcessHandle.of(pid)
        .map(
            root ->
                Stream.concat(Stream.of(root), root.descendants())
                    .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                    .reduce(Duration.ZERO, Duration::plus))
        .orElse(Duration.ZERO);
  }

  /** The PostgreSQL server listening on {@code port} on this machine, if it can be found. */
  static long postgresPid(int port) {
    String flag = "-p " + port;
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
        .filter(
            process ->
                String.join(" ", process.info().arguments().orElse(new String[0])).contains(flag))
        .mapToLong(ProcessHandle::pid)
        .findFirst()
        .orElse(-1);
  }

  /** The percentage of CPU time stolen from now back to {@code before}. */
  double stealPercentSince(CpuTimes before) {
    long total = this.total - before.total;
    return total <= 0 ? 0 : 100.0 * (steal - before.steal) / total;
  }
}
