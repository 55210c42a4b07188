package io.hookyard.receiver.vendor;

/**
 * A request that is not what it claims to be. {@code check} names the check that failed (such as
 * {@code signature-mismatch} or {@code timestamp-too-old}), for the answer and the request log.
 */
public class VerificationFailure extends RuntimeException {
  private final String check;

  public VerificationFailure(String check, String detail) {
    super(detail, null, false, false);
    this.check = check;
  }

  public String check() {
    return check;
  }

  public static VerificationFailure missingHeader(String header) {
    return new VerificationFailure("missing-header", "The " + header + " header is missing.");
  }

  public static VerificationFailure mismatch(String what) {
    return new VerificationFailure(
        "signature-mismatch", "The " + what + " does not match any of this source's secrets.");
  }
}
