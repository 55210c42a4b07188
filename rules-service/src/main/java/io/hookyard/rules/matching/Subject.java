package io.hookyard.rules.matching;

import java.util.Comparator;

/** A thing a vendor reports on (a device, a server, a host) within one source of one tenant. */
public record Subject(String tenant, String source, String subject) implements Comparable<Subject> {
  private static final Comparator<Subject> ORDER =
      Comparator.comparing(Subject::tenant)
          .thenComparing(Subject::source)
          .thenComparing(Subject::subject);

  @Override
  public int compareTo(Subject other) {
    return ORDER.compare(this, other);
  }
}
