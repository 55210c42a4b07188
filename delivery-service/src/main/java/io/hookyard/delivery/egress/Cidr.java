package io.hookyard.delivery.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}); matches addresses in it. */
public record Cidr(byte[] network, int prefixLength) {

  /** Parses {@code address/length}; a bare address is a network of one. */
  public static Cidr parse(String text) {
    String trimmed = text.strip();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!address.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("Not an IP address: " + text);
    }
    byte[] bytes;
    try {
      // Only literals get here (checked above), so this never asks DNS.
      bytes = literal(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address: " + text, e);
    }
    int length = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
    if (length < 0 || length > bytes.length * 8) {
      throw new IllegalArgumentException("Bad prefix length in " + text);
    }
    return new Cidr(bytes, length);
  }

  public boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  /**
   * The bytes of an address literal. IPv4-mapped IPv6 literals stay 16 bytes here (the JDK would
   * turn them into IPv4), so that a CIDR written in either form means what it says.
   */
  static byte[] literal(String address) throws UnknownHostException {
    byte[] bytes = InetAddress.getByName(address).getAddress();
    if (address.contains(":") && bytes.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xFF;
      mapped[11] = (byte) 0xFF;
      System.arraycopy(bytes, 0, mapped, 12, 4);
      return mapped;
    }
    return bytes;
  }
}
