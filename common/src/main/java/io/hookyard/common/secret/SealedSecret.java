package io.hookyard.common.secret;

/** A secret encrypted at rest: the id of the key that sealed it, and nonce plus ciphertext. */
public record SealedSecret(String keyId, byte[] ciphertext) {}
