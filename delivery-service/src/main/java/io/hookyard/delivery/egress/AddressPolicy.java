package io.hookyard.delivery.egress;

import io.hookyard.delivery.config.DeliveryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides which network addresses a destination may reach. Internal addresses are refused:
 * loopback, private (RFC 1918, shared CGNAT space, IPv6 unique-local), link-local (with the cloud
 * metadata endpoints 169.254.169.254 and fd00:ec2::254), unspecified, multicast, broadcast and
 * reserved ranges, and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) when
 * the embedded address is one of those. The operator may allow some of them by CIDR.
 */
@ApplicationScoped
public class AddressPolicy {
  private static final List<Cidr> BLOCKED_V4 =
      cidrs(
          "0.0.0.0/8", // "this network", including the unspecified address
          "10.0.0.0/8",
          "100.64.0.0/10", // shared address space (carrier-grade NAT)
          "127.0.0.0/8",
          "169.254.0.0/16", // link-local, including the cloud metadata endpoint
          "172.16.0.0/12",
          "192.0.0.0/24", // IETF protocol assignments
          "192.168.0.0/16",
          "198.18.0.0/15", // benchmarking
          "224.0.0.0/4", // multicast
          "240.0.0.0/4"); // reserved, including the broadcast address
  private static final List<Cidr> BLOCKED_V6 =
      cidrs(
          "::/128", // unspecified
          "::1/128", // loopback
          "fc00::/7", // unique local, including fd00:ec2::254
          "fe80::/10", // link-local
          "fec0::/10", // site-local (deprecated, still routed by some)
          "ff00::/8"); // multicast

  private final List<Cidr> allowed;

  @Inject
  public AddressPolicy(DeliveryConfig config) {
    this(config.egress().allowedCidrs().orElse(List.of()));
  }

  public AddressPolicy(List<String> allowedCidrs) {
    this.allowed = allowedCidrs.stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
  }

  /** Why {@code address} may not be reached, or empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (isAllowed(bytes)) {
      return Optional.empty();
    }
    if (bytes.length == 4) {
      return blockedV4(bytes) ? Optional.of(describe(address)) : Optional.empty();
    }
    byte[] embedded = embeddedV4(bytes);
    if (embedded != null) {
      return !isAllowed(embedded) && blockedV4(embedded)
          ? Optional.of(describe(address))
          : Optional.empty();
    }
    return matches(BLOCKED_V6, bytes) ? Optional.of(describe(address)) : Optional.empty();
  }

  private boolean isAllowed(byte[] bytes) {
    return matches(allowed, bytes);
  }

  private static boolean blockedV4(byte[] bytes) {
    return matches(BLOCKED_V4, bytes);
  }

  /** The IPv4 address inside an IPv6 address that carries one, or null. */
  static byte[] embeddedV4(byte[] v6) {
    if (prefixIs(v6, 10, 0) && (v6[10] & 0xFF) == 0xFF && (v6[11] & 0xFF) == 0xFF) {
      return copy(v6, 12); // ::ffff:a.b.c.d, IPv4-mapped
    }
    if (prefixIs(v6, 12, 0) && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0)) {
      return copy(v6, 12); // ::a.b.c.d, IPv4-compatible (deprecated); ::, ::1 excluded
    }
    boolean nat64 =
        v6[0] == 0 && (v6[1] & 0xFF) == 0x64 && (v6[2] & 0xFF) == 0xFF && (v6[3] & 0xFF) == 0x9B;
    if (nat64 && (prefixIs(v6, 12, 4) || (v6[4] == 0 && v6[5] == 1))) {
      return copy(v6, 12); // 64:ff9b::/96 and 64:ff9b:1::/48, IPv4/IPv6 translation
    }
    if (v6[0] == 0x20 && v6[1] == 0x02) {
      return copy(v6, 2); // 2002::/16, 6to4
    }
    return null;
  }

  private static boolean prefixIs(byte[] bytes, int length, int from) {
    for (int i = from; i < length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] copy(byte[] bytes, int from) {
    byte[] v4 = new byte[4];
    System.arraycopy(bytes, from, v4, 0, 4);
    return v4;
  }

  private static boolean matches(List<Cidr> networks, byte[] bytes) {
    for (Cidr network : networks) {
      if (network.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(InetAddress address) {
    return "The address "
        + address.getHostAddress()
        + " is internal (loopback, private, link-local, metadata, multicast or reserved)"
        + " and not allowed for destinations.";
  }

  private static List<Cidr> cidrs(String... texts) {
    return java.util.Arrays.stream(texts).map(Cidr::parse).toList();
  }
}
