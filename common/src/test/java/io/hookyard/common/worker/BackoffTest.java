package io.hookyard.common.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheInitialWaitUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));
    assertEquals(Duration.ofSeconds(1), backoff.after(1));
    assertEquals(Duration.ofSeconds(2), backoff.after(2));
    assertEquals(Duration.ofSeconds(8), backoff.after(4));
    assertEquals(Duration.ofSeconds(10), backoff.after(5));
    assertEquals(Duration.ofSeconds(10), backoff.after(500));
  }
}
