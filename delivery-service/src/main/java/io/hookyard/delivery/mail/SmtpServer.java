package io.hookyard.delivery.mail;

/**
 * An SMTP server as the e-mail channel uses it, the password in clear: built from configuration or
 * from a tenant's settings, never stored or shown like this.
 *
 * @param tenantOwned whether a tenant gave it (its address is then checked like a destination's);
 *     the global server is the operator's and may well be an internal relay
 */
public record SmtpServer(
    String host,
    int port,
    TlsMode tls,
    String username,
    String password,
    String from,
    boolean tenantOwned) {

  /** Where it is, for reasons and logs. */
  public String address() {
    return host + ":" + port;
  }

  @Override
  public String toString() {
    // Never the password.
    return "SmtpServer[" + address() + ", " + tls + ", user " + username + ", from " + from + "]";
  }
}
