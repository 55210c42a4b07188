package io.hookyard.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

  /** The percentage of CPU time stolen from now back to {@code before}. */
  double stealPercentSince(CpuTimes before) {
    long total = this.total - before.total;
    return total <= 0 ? 0 : 100.0 * (steal - before.steal) / total;
  }
}
