package io.hookyard.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The SMTP server of {@code ./hookyard up} (plain SMTP on 127.0.0.1, no TLS, no login): accepts
 * mail for any address and prints each message it receives (from, to, subject, text), next to what
 * the echo destination prints. A tenant points its e-mail settings at it to try e-mail steps.
 */
public final class LocalMailServer implements AutoCloseable {
  private final GreenMail server;
  private final Thread printer;

  private LocalMailServer(GreenMail server, Thread printer) {
    this.server = server;
    this.printer = printer;
  }

  public static LocalMailServer start(int port, PrintStream out) {
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    Thread printer =
        Thread.ofVirtual().name("mail-printer").start(() -> printArrivals(server, out));
    return new LocalMailServer(server, printer);
  }

  // GreenMail keeps what it received; print each new message once, as it arrives.
  private static void printArrivals(GreenMail server, PrintStream out) {
    int printed = 0;
    while (!Thread.currentThread().isInterrupted()) {
      if (!server.waitForIncomingEmail(1000, printed + 1)) {
        continue;
      }
      MimeMessage[] received = server.getReceivedMessages();
      for (; printed < received.length; printed++) {
        out.print(describe(received[printed]));
      }
    }
  }

  /** A message as the console shows it. */
  static String describe(MimeMessage message) {
    try {
      return "%n[mail %s] from %s to %s%n  Subject: %s%n%s%n"
          .formatted(
              LocalTime.now().truncatedTo(ChronoUnit.MILLIS),
              addresses(message.getFrom()),
              addresses(message.getAllRecipients()),
              message.getSubject(),
              text(message));
    } catch (MessagingException | IOException e) {
      return "%n[mail] a message that could not be read: %s%n".formatted(e.getMessage());
    }
  }

  private static String addresses(Address[] addresses) {
    return addresses == null
        ? "(none)"
        : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }

  // The text/plain part when there is one, else the HTML part as it is.
  private static String text(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/*")) {
      // SMTP ends lines with CRLF; the console wants plain line ends.
      return String.valueOf(part.getContent()).replace("\r\n", "\n");
    }
    if (part.getContent() instanceof Multipart multipart) {
      String html = null;
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        if (child.isMimeType("text/plain") || child.getContent() instanceof Multipart) {
          return text(child);
        }
        if (child.isMimeType("text/html")) {
          html = String.valueOf(child.getContent()).replace("\r\n", "\n");
        }
      }
      return html == null ? "(no text)" : html;
    }
    return "(" + part.getContentType() + ")";
  }

  @Override
  public void close() {
    printer.interrupt();
    server.stop();
  }
}
