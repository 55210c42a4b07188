package io.hookyard.delivery.credential;

/**
 * A credential could not be applied: its OAuth2 token endpoint failed or answered no token. The
 * message never holds a secret. The step's attempt fails and is retried on its schedule.
 */
public class CredentialException extends RuntimeException {
  public CredentialException(String message) {
    super(message);
  }
}
