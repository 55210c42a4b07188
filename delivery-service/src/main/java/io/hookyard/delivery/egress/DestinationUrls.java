package io.hookyard.delivery.egress;

import io.hookyard.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a destination URL when it is saved: well-formed, http or https, and its host not internal
 * (literal addresses, and every address the name resolves to now). The sender checks again against
 * the address it actually connects to, since DNS may answer differently later.
 */
@ApplicationScoped
public class DestinationUrls {
  private final AddressPolicy policy;

  public DestinationUrls(AddressPolicy policy) {
    this.policy = policy;
  }

  public void requireAllowed(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ProblemException.badRequest("invalid-url", "The URL is not valid: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ProblemException.badRequest("invalid-url", "The URL must be http or https.");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw ProblemException.badRequest("invalid-url", "The URL has no host.");
    }
    if (uri.getUserInfo() != null) {
      throw ProblemException.badRequest(
          "invalid-url", "Put credentials in a header of the destination, not in its URL.");
    }
    requireAllowedHost(uri.getHost());
  }

  /**
   * Checks a host name or address a destination (or a tenant's SMTP server) connects to: refused
   * when it is, or resolves now to, an internal address.
   */
  public void requireAllowedHost(String host) {
    for (InetAddress address : resolve(host)) {
      policy
          .refusal(address)
          .ifPresent(
              reason -> {
                throw ProblemException.badRequest("blocked-address", reason);
              });
    }
  }

  private static InetAddress[] resolve(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      // A name that does not resolve yet is allowed; the sender checks every connection anyway.
      return new InetAddress[0];
    }
  }
}
