package io.hookyard.delivery.mail;

import io.hookyard.delivery.config.DeliveryConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * One Vert.x mail client per SMTP server in use: one for the global server, one for each tenant
 * with its own. A client keeps its connections open between e-mails. When the settings a client was
 * made from change (seen on the next e-mail, or told by {@link #forget}), it is closed and a new
 * one made.
 */
@ApplicationScoped
public class MailClients {
  private static final Logger LOG = Logger.getLogger(MailClients.class);
  static final String GLOBAL = "";

  private record Held(SmtpServer server, MailClient client) {}

  private final ConcurrentMap<String, Held> clients = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final DeliveryConfig.Mail config;

  public MailClients(Vertx vertx, DeliveryConfig config) {
    this.vertx = vertx;
    this.config = config.mail();
  }

  /** The client for this tenant's server (its own, or the global one), made or remade as needed. */
  public MailClient clientFor(String tenant, SmtpServer server) {
    String key = server.tenantOwned() ? tenant : GLOBAL;
    return clients
        .compute(
            key,
            (ignored, held) -> {
              if (held != null && held.server().equals(server)) {
                return held;
              }
              if (held != null) {
                close(held);
              }
              return new Held(server, MailClient.create(vertx, options(server)));
            })
        .client();
  }

  /** Closes the client of a tenant whose SMTP settings changed or went. */
  public void forget(String tenant) {
    Held held = clients.remove(tenant);
    if (held != null) {
      close(held);
    }
  }

  @PreDestroy
  void closeAll() {
    clients.values().forEach(MailClients::close);
    clients.clear();
  }

  private MailConfig options(SmtpServer server) {
    MailConfig options =
        new MailConfig()
            .setHostname(server.host())
            .setPort(server.port())
            .setKeepAlive(true)
            .setMaxPoolSize(config.connectionsPerServer())
            .setConnectTimeout((int) config.timeout().toMillis())
            // One refused recipient fails the e-mail: nobody gets a partial send.
            .setAllowRcptErrors(false);
    switch (server.tls()) {
      case NONE -> options.setSsl(false).setStarttls(StartTLSOptions.DISABLED);
      case STARTTLS -> options.setSsl(false).setStarttls(StartTLSOptions.REQUIRED);
      case SMTPS -> options.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
    }
    if (server.tls() != TlsMode.NONE) {
      // The server's certificate must name the host, as for HTTPS; no trusting anything.
      options.setTrustAll(false).setHostnameVerificationAlgorithm("HTTPS");
    }
    if (server.username() != null) {
      options
          .setLogin(LoginOption.REQUIRED)
          .setUsername(server.username())
          .setPassword(server.password());
    } else {
      options.setLogin(LoginOption.DISABLED);
    }
    return options;
  }

  private static void close(Held held) {
    held.client()
        .close()
        .onFailure(e -> LOG.debugf("Closing the mail client of %s: %s", held.server(), e));
  }
}
