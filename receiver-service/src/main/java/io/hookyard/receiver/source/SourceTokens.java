package io.hookyard.receiver.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Generates source tokens and checks presented ones against the stored hash in constant time. */
public final class SourceTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "hyk_";

  private SourceTokens() {}

  /** A fresh token: 32 random bytes, URL-safe, with a prefix that secret scanners can spot. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static boolean matches(String presented, byte[] expectedHash) {
    return presented != null && MessageDigest.isEqual(hash(presented), expectedHash);
  }
}
