package io.hookyard.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for tests, so that suites never collide. */
public final class Ports {
  /**
   * Ports are chosen below the range the kernel hands out to outgoing connections (32768 and up on
   * Linux, 49152 and up elsewhere). A port from that range, found free and then released, could be
   * taken as the local end of some connection (a service's own connections to PostgreSQL, say)
   * before the process meant to listen on it binds it.
   */
  private static final int FIRST = 20_000;

  private static final int LAST = 32_767;

  /** Ports already handed out by this process, which a later call must not hand out again. */
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private Ports() {}

  /** {@code port} itself, or a free port when it is 0. */
  public static int orFree(int port) {
    if (port != 0) {
      return port;
    }
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
      if (bindable(candidate) && HANDED_OUT.add(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No free loopback port between " + FIRST + " and " + LAST);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
