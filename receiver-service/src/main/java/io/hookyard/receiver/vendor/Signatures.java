package io.hookyard.receiver.vendor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and digests over raw bytes, and comparisons that take the same time whatever they find. */
public final class Signatures {
  private static final HexFormat HEX = HexFormat.of();
  // Looking up a Mac costs more than the HMAC of a webhook body, so each thread keeps one per
  // algorithm and only initialises it with the key.
  private static final ThreadLocal<Map<String, Mac>> MACS = ThreadLocal.withInitial(HashMap::new);

  private Signatures() {}

  /** HMAC of {@code message} under {@code key}; {@code algorithm} is HmacSHA1, HmacSHA256... */
  public static byte[] hmac(String algorithm, byte[] key, byte[] message) {
    try {
      Mac mac = MACS.get().get(algorithm);
      if (mac == null) {
        mac = Mac.getInstance(algorithm);
        MACS.get().put(algorithm, mac);
      }
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("HMAC " + algorithm + " is not available", e);
    }
  }

  public static byte[] hmacSha256(String key, byte[] message) {
    return hmac("HmacSHA256", utf8(key), message);
  }

  public static byte[] sha256(byte[] message) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Concatenates byte arrays, such as a signed prefix and the raw body. */
  public static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] joined = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    return joined;
  }

  /** Compares two strings in time that depends only on their lengths. Null never matches. */
  public static boolean constantTimeEquals(String expected, String presented) {
    if (expected == null || presented == null) {
      return false;
    }
    return MessageDigest.isEqual(utf8(expected), utf8(presented));
  }
}
