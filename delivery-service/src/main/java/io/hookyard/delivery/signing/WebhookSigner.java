package io.hookyard.delivery.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body}
 * under each signing secret, space-separated when a rotation overlap leaves more than one. Secrets
 * look like {@code whsec_<base64 of the key>}.
 */
public final class WebhookSigner {
  public static final String SECRET_PREFIX = "whsec_";
  private static final int KEY_BYTES = 24;
  private static final byte[] DOT = {'.'};

  private WebhookSigner() {}

  /** A fresh random secret in the {@code whsec_} form. */
  public static String newSecret(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key bytes of a {@code whsec_} secret. */
  public static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }

  /** The value of the {@code webhook-signature} header: one signature per key, newest first. */
  public static String signature(List<byte[]> keys, String id, long timestamp, byte[] body) {
    byte[] prefix = (id + "." + timestamp).getBytes(StandardCharsets.UTF_8);
    StringJoiner header = new StringJoiner(" ");
    for (byte[] key : keys) {
      header.add("v1," + Base64.getEncoder().encodeToString(hmac(key, prefix, body)));
    }
    return header.toString();
  }

  private static byte[] hmac(byte[] key, byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      mac.update(DOT);
      mac.update(body);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
