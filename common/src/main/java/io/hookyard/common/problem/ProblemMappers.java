package io.hookyard.common.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hookyard.common.db.DatabaseErrors;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

/**
 * Turns every failure that reaches a REST resource into RFC 9457 problem details. Bodies name the
 * kind of problem and what the caller can do; they never carry exception messages, class names or
 * stack traces, which go to the log under an error id instead. Failures of asynchronous resources
 * arrive wrapped in {@link CompletionException} and are unwrapped first.
 */
@UnwrapException(CompletionException.class)
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    Response.ResponseBuilder builder = build(e.problem(), uri);
    e.headers().forEach(builder::header);
    return builder.build();
  }

  @ServerExceptionMapper
  public Response invalidJson(JsonProcessingException e, UriInfo uri) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    Problem problem =
        Problem.of(400, "invalid-json", "Bad request", "The body is not valid JSON" + where + ".");
    return build(problem, uri).build();
  }

  /**
   * Well-formed JSON with a value of the wrong type or form (a date that is not one, an unknown
   * enum constant). Mapped here because Quarkus would otherwise answer it with its own JSON body.
   */
  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    String field =
        e.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    Problem problem =
        Problem.of(400, "invalid-input", "Bad request", "The request has invalid fields.")
            .withErrors(
                List.of(
                    new Problem.FieldError(
                        field.isEmpty() ? "body" : field, "has the wrong type or format")));
    return build(problem, uri).build();
  }

  @ServerExceptionMapper
  public Response invalidInput(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(ProblemMappers::fieldError)
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    Problem problem =
        Problem.of(400, "invalid-input", "Bad request", "The request has invalid fields.")
            .withErrors(errors);
    return build(problem, uri).build();
  }

  @ServerExceptionMapper({
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class,
    UnauthorizedException.class
  })
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    Problem problem =
        Problem.of(401, "unauthenticated", "Unauthorized", "A valid bearer token is required.");
    return build(problem, uri).header("WWW-Authenticate", "Bearer").build();
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    Problem problem =
        Problem.of(403, "forbidden", "Forbidden", "Your roles do not allow this operation.");
    return build(problem, uri).build();
  }

  @ServerExceptionMapper
  public Response framework(WebApplicationException e, UriInfo uri) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    Response.StatusType statusType = Response.Status.fromStatusCode(status);
    String title = statusType == null ? "HTTP " + status : statusType.getReasonPhrase();
    String code = title.toLowerCase().replace(' ', '-');
    Problem problem = Problem.of(status, code, title, describe(status));
    Response.ResponseBuilder builder = build(problem, uri);
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Allow") || name.equalsIgnoreCase("Retry-After")) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  /** The client went away or sent a body that could not be read; nothing for us to fix. */
  @ServerExceptionMapper
  public Response unreadable(java.io.IOException e, UriInfo uri) {
    LOG.debugf("Could not read the request to %s: %s", uri.getPath(), e.toString());
    Problem problem =
        Problem.of(400, "unreadable-body", "Bad request", "The request body could not be read.");
    return build(problem, uri).build();
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseErrors.passing(e)) {
      return unavailable(e, uri);
    }
    String errorId = UUID.randomUUID().toString();
    LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
    Problem problem =
        Problem.of(
                500,
                "internal-error",
                "Internal server error",
                "Something went wrong on our side. Quote the error id when you report it.")
            .withErrorId(errorId);
    return build(problem, uri).build();
  }

  /**
   * The database is out of reach for a moment: the caller should try again, and nothing changed.
   */
  private static Response unavailable(Throwable e, UriInfo uri) {
    LOG.warnf("Database unavailable while serving %s: %s", uri.getPath(), e.toString());
    Problem problem =
        Problem.of(
            503,
            "unavailable",
            "Service unavailable",
            "Storage is out of reach for a moment; nothing was changed. Try again shortly.");
    return build(problem, uri).header("Retry-After", "5").build();
  }

  private static Response.ResponseBuilder build(Problem problem, UriInfo uri) {
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(problem.withInstance(uri.getPath()));
  }

  private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    // Drop the method and parameter names Hibernate Validator puts first ("create.request.name").
    String[] parts = path.split("\\.", 3);
    String field = parts.length == 3 ? parts[2] : parts[parts.length - 1];
    return new Problem.FieldError(field, violation.getMessage());
  }

  private static String describe(int status) {
    return switch (status) {
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 406 -> "This address cannot answer in the requested media type.";
      case 413 -> "The body is larger than this endpoint accepts.";
      case 415 -> "This address does not accept that content type.";
      default -> "The request could not be processed.";
    };
  }
}
