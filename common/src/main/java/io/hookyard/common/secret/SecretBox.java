package io.hookyard.common.secret;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets with AES-256-GCM before they are stored, so a database dump holds no secret.
 * Each value records the id of its key, so keys can be rotated: new values use the active key and
 * old ones still open with theirs until they are re-encrypted.
 */
@ApplicationScoped
public class SecretBox {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new HashMap<>();
  private final String activeKey;

  public SecretBox(SecretsConfig config) {
    config
        .keys()
        .forEach(
            (id, encoded) -> {
              byte[] key = Base64.getDecoder().decode(encoded.trim());
              if (key.length != 32) {
                throw new IllegalArgumentException("Secret key '" + id + "' must be 32 bytes");
              }
              keys.put(id, new SecretKeySpec(key, "AES"));
            });
    this.activeKey = config.activeKey().orElse(null);
    if (activeKey != null && !keys.containsKey(activeKey)) {
      throw new IllegalArgumentException("No key for the active key id " + activeKey);
    }
  }

  public SealedSecret seal(String plaintext) {
    if (activeKey == null) {
      throw new IllegalStateException("hookyard.secrets.active-key is not configured");
    }
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKey), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(activeKey.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return new SealedSecret(activeKey, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt a secret", e);
    }
  }

  public String open(SealedSecret secret) {
    SecretKey key = keys.get(secret.keyId());
    if (key == null) {
      throw new IllegalStateException("No key '" + secret.keyId() + "' is configured");
    }
    try {
      byte[] data = secret.ciphertext();
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      cipher.updateAAD(secret.keyId().getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("A stored secret does not open with its key", e);
    }
  }

  public String activeKey() {
    return activeKey;
  }
}
