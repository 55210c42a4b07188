package io.hookyard.delivery.testing;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Real SMTP servers for tests: GreenMail on a free port, optionally answering chosen recipients
 * with a reply of the test's choice ({@code 550 …} to refuse for good, {@code 451 …} to ask for a
 * later try), as a real mail server does for an unknown mailbox or greylisting.
 */
public final class SmtpServers {
  private SmtpServers() {}

  /** A plain SMTP server that accepts every recipient. */
  public static GreenMail smtp() {
    return smtp(Map.of());
  }

  /** A plain SMTP server that answers the given recipients' {@code RCPT TO} with their reply. */
  public static GreenMail smtp(Map<String, String> replies) {
    GreenMail server = new Answering(setup(ServerSetup.PROTOCOL_SMTP), replies);
    server.start();
    return server;
  }

  /** An SMTPS server (TLS from the first byte) with GreenMail's self-signed certificate. */
  public static GreenMail smtps() {
    GreenMail server = new GreenMail(setup(ServerSetup.PROTOCOL_SMTPS));
    server.start();
    return server;
  }

  /** A port nothing listens on (it was free a moment ago). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ServerSetup setup(String protocol) {
    return new ServerSetup(freePort(), "127.0.0.1", protocol);
  }

  /** GreenMail whose SMTP manager answers some recipients with a set reply. */
  private static final class Answering extends GreenMail {
    private final Map<String, String> replies;

    Answering(ServerSetup setup, Map<String, String> replies) {
      super(setup);
      this.replies = replies;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
      return super.createServices(setups, new AnsweringManagers(managers, replies));
    }
  }

  private static final class AnsweringManagers extends Managers {
    private final Managers real;
    private final SmtpManager smtp;

    AnsweringManagers(Managers real, Map<String, String> replies) {
      this.real = real;
      this.smtp =
          new SmtpManager(real.getImapHostManager(), real.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
              return replies.get(address.getEmail());
            }
          };
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return real.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return real.getImapHostManager();
    }
  }
}
