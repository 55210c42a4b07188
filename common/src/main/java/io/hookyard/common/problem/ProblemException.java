package io.hookyard.common.problem;

import java.util.Map;

/**
 * Thrown by product code to answer with a specific problem. Carries no cause on purpose: the
 * response never reveals what went wrong inside.
 */
public class ProblemException extends RuntimeException {
  private final transient Problem problem;
  private final transient Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
    this.headers = headers;
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public static ProblemException badRequest(String code, String detail) {
    return new ProblemException(Problem.of(400, code, "Bad request", detail));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
  }

  public static ProblemException unauthorized(String code, String detail) {
    return new ProblemException(Problem.of(401, code, "Unauthorized", detail));
  }

  public static ProblemException forbidden(String detail) {
    return new ProblemException(Problem.of(403, "forbidden", "Forbidden", detail));
  }

  public static ProblemException conflict(String code, String detail) {
    return new ProblemException(Problem.of(409, code, "Conflict", detail));
  }

  public static ProblemException payloadTooLarge(long limitBytes) {
    return new ProblemException(
        Problem.of(
            413,
            "payload-too-large",
            "Payload too large",
            "The body is larger than this endpoint accepts (" + limitBytes + " bytes)."));
  }

  public static ProblemException unavailable(String detail) {
    return new ProblemException(
        Problem.of(503, "unavailable", "Service unavailable", detail), Map.of("Retry-After", "5"));
  }
}
