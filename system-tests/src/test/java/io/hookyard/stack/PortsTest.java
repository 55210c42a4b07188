package io.hookyard.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void aGivenPortIsKept() {
    assertEquals(8081, Ports.orFree(8081));
  }

  @Test
  void freePortsAreDistinctListenableAndBelowTheRangeOfOutgoingConnections() throws Exception {
    Set<Integer> chosen = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      int port = Ports.orFree(0);
      assertTrue(port < 32_768, "below the kernel's ephemeral range: " + port);
      assertTrue(chosen.add(port), "handed out once: " + port);
    }
    int port = Ports.orFree(0);
    try (ServerSocket listening = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      assertTrue(listening.isBound());
      assertFalse(chosen.contains(port));
    }
  }
}
