package io.hookyard.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalMailServerTest {

  @Test
  void printsEachMessageItReceives() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int port = Ports.orFree(0);
    try (LocalMailServer mail =
        LocalMailServer.start(port, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      GreenMailUtil.sendTextEmail(
          "oncall@acme.example",
          "hookyard@acme.example",
          "Server esx-prod-07 shut down",
          "Server esx-prod-07 is off.\nTag1:Location/Houston\n",
          new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

      String text = awaitPrinted(printed, "Tag1:Location/Houston");
      assertTrue(text.contains("from hookyard@acme.example to oncall@acme.example"), text);
      assertTrue(text.contains("  Subject: Server esx-prod-07 shut down"), text);
      assertTrue(text.contains("Server esx-prod-07 is off."), text);
    }
  }

  // Waits for the printer thread; the deadline only stops a broken run from hanging.
  private static String awaitPrinted(ByteArrayOutputStream printed, String expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    String text = printed.toString(StandardCharsets.UTF_8);
    while (!text.contains(expected) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      text = printed.toString(StandardCharsets.UTF_8);
    }
    return text;
  }
}
