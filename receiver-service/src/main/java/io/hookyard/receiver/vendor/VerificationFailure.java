package io.hookyard.receiver.vendor;

/**
 * A request that is not what it claims to be. {@code check} names the check that failed (such as
 * {@code signature-mismatch} or {@code timestamp-too-old}), for the answer and the request log.
 */
public class VerificationFailure extends RuntimeException {
  private final String check;
  private final int status;

  public VerificationFailure(String check, String detail) {
    this(check, detail, 401);
  }

  /** A failure answered with another status than 401, where the vendor expects one (403...). */
  public VerificationFailure(String check, String detail, int status) {
    super(detail, null, false, false);
    this.check = check;
    this.status = status;
  }

  public String check() {
    return check;
  }

  public int status() {
    return status;
  }

  public static VerificationFailure missingHeader(String header) {
    return new VerificationFailure("missing-header", "The " + header + " header is missing.");
  }

  public static VerificationFailure mismatch(String what) {
    return new VerificationFailure(
        "signature-mismatch", "The " + what + " does not match any of this source's secrets.");
  }
}
