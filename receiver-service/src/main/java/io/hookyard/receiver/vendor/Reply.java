package io.hookyard.receiver.vendor;

import java.nio.charset.StandardCharsets;

/** The exact answer a vendor expects: to a handshake, or to an accepted event. */
public record Reply(int status, String contentType, byte[] body) {

  public static Reply text(String body) {
    return new Reply(200, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply json(int status, String json) {
    return new Reply(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public static Reply empty(int status) {
    return new Reply(status, null, new byte[0]);
  }
}
