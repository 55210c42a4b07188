package io.hookyard.delivery.mail;

/** How the connection to an SMTP server is protected. */
public enum TlsMode {
  /** Plain text; no credentials may be sent this way. */
  NONE,
  /**
   * Plain connection upgraded with STARTTLS, which the server must offer (submission, port 587).
   */
  STARTTLS,
  /** TLS from the first byte (implicit TLS, port 465). */
  SMTPS;

  /** The port this mode usually takes when none is given. */
  public int defaultPort() {
    return switch (this) {
      case NONE -> 25;
      case STARTTLS -> 587;
      case SMTPS -> 465;
    };
  }
}
