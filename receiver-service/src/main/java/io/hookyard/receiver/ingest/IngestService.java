package io.hookyard.receiver.ingest;

import io.hookyard.common.problem.Problem;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.outbox.OutboxRelay;
import io.hookyard.receiver.requestlog.RequestLog;
import io.hookyard.receiver.source.ActiveSource;
import io.hookyard.receiver.source.SourceDirectory;
import io.hookyard.receiver.vendor.EventFacts;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.Reply;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VendorAdapters;
import io.hookyard.receiver.vendor.VendorProfile;
import io.hookyard.receiver.vendor.VerificationContext;
import io.hookyard.receiver.vendor.VerificationFailure;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * Handles one request to a hook URL: finds the source, lets its vendor adapter answer a handshake
 * or verify and read the request, commits the event, and wakes the outbox relay. Checks run
 * cheapest first and nothing is written until every check has passed; every outcome for a known
 * source goes to the request log.
 */
@Singleton
public class IngestService {
  private static final Logger LOG = Logger.getLogger(IngestService.class);

  private final SourceDirectory directory;
  private final VendorAdapters adapters;
  private final SourceRateLimiter rateLimiter;
  private final EventWriter writer;
  private final RequestLog requestLog;
  private final OutboxRelay relay;
  private final HookRejections rejections;
  private final ReceiverConfig config;
  private final Clock clock;

  public IngestService(
      SourceDirectory directory,
      VendorAdapters adapters,
      SourceRateLimiter rateLimiter,
      EventWriter writer,
      RequestLog requestLog,
      OutboxRelay relay,
      HookRejections rejections,
      ReceiverConfig config,
      Clock clock) {
    this.directory = directory;
    this.adapters = adapters;
    this.rateLimiter = rateLimiter;
    this.writer = writer;
    this.requestLog = requestLog;
    this.relay = relay;
    this.rejections = rejections;
    this.config = config;
    this.clock = clock;
  }

  /**
   * Handles a request without blocking the calling thread: only a source missing from the cache is
   * loaded on a worker, and the answer waits for the group commit asynchronously.
   */
  public CompletionStage<Reply> receive(String tenant, String sourceName, IncomingRequest request) {
    // A source missing from the cache is loaded on a worker thread; the request's trace goes along.
    Context trace = Context.current();
    return directory
        .lookup(tenant, sourceName, Infrastructure.getDefaultWorkerPool())
        .thenCompose(
            found -> {
              if (found.isEmpty()) {
                rejections.rejected(404);
                // The same answer for an unknown tenant and an unknown source.
                throw ProblemException.notFound("No source is listening at this address.");
              }
              try (Scope scope = trace.makeCurrent()) {
                return handleLogged(found.get(), request);
              }
            });
  }

  private CompletionStage<Reply> handleLogged(ActiveSource source, IncomingRequest request) {
    CompletionStage<Reply> reply;
    try {
      reply = handle(source, request);
    } catch (ProblemException e) {
      reply = CompletableFuture.failedFuture(e);
    }
    return reply.whenComplete(
        (ignored, failure) -> {
          // Rate-limited requests are not logged: a flood of them must not become a flood of rows.
          if (unwrap(failure) instanceof ProblemException problem) {
            rejections.rejected(problem.problem().status());
            if (problem.problem().status() != 429) {
              logRejection(source, request, problem.problem());
            }
          }
        });
  }

  private CompletionStage<Reply> handle(ActiveSource source, IncomingRequest request) {
    VendorAdapter adapter =
        adapters
            .find(source.vendor())
            .orElseThrow(() -> ProblemException.unavailable("This source's vendor is not loaded."));
    requireAllowedMethod(adapters.profile(source.vendor()), request);
    requireWithinRate(source);
    if (request.body().length > source.maxBodyBytes()) {
      throw ProblemException.payloadTooLarge(source.maxBodyBytes());
    }
    VerificationContext context =
        new VerificationContext(
            source.secrets(), source.settings(), clock, requestUrl(source, request));
    try {
      Optional<Reply> handshake = adapter.handshake(request, context);
      if (handshake.isPresent()) {
        logQuietly(() -> requestLog.handshake(source, request, handshake.get().status()));
        return CompletableFuture.completedFuture(handshake.get());
      }
      adapter.verify(request, context);
    } catch (VerificationFailure failure) {
      throw new ProblemException(
          Problem.of(failure.status(), failure.check(), "Unauthorized", failure.getMessage()));
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      // An adapter must answer hostile input with a verification failure; if one does not, the
      // request is refused all the same (fail closed) rather than answered 500.
      LOG.warnf("The %s adapter failed to verify a request: %s", source.vendor(), e.toString());
      throw new ProblemException(
          Problem.of(
              401, "verification-error", "Unauthorized", "The request could not be verified."));
    }
    EventFacts facts = readFacts(adapter, source, request);
    // The status does not depend on the id; the request log needs it in the event's transaction.
    int status = adapter.accepted("", false).status();
    return commit(source, facts, adapter.stored(request), status)
        .thenApply(
            accepted -> {
              relay.signal();
              return adapter.accepted(accepted.id(), accepted.duplicate());
            });
  }

  private static EventFacts readFacts(
      VendorAdapter adapter, ActiveSource source, IncomingRequest request) {
    EventFacts facts;
    try {
      facts = adapter.read(request);
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warnf(
          "The %s adapter could not read a verified request: %s", source.vendor(), e.toString());
      throw ProblemException.badRequest(
          "unreadable-body", "The body is not what this vendor sends.");
    }
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail a whole group commit.
    for (String value : new String[] {facts.type(), facts.subject(), facts.vendorDeliveryId()}) {
      if (value != null && value.indexOf('\0') >= 0) {
        throw ProblemException.badRequest(
            "invalid-characters",
            "The event type, subject or delivery id contains a NUL character.");
      }
    }
    return facts;
  }

  private static void requireAllowedMethod(VendorProfile profile, IncomingRequest request) {
    var methods = profile.methods();
    if (!methods.contains(request.method())) {
      throw new ProblemException(
          Problem.of(
              405,
              "method-not-allowed",
              "Method not allowed",
              profile.displayName() + " sources take " + methods + "."),
          Map.of("Allow", String.join(", ", methods)));
    }
  }

  private void requireWithinRate(ActiveSource source) {
    OptionalLong waitSeconds = rateLimiter.tryAcquire(source);
    if (waitSeconds.isPresent()) {
      throw new ProblemException(
          Problem.of(
              429,
              "rate-limited",
              "Too many requests",
              "This source takes a limited number of requests per second; retry later."),
          Map.of("Retry-After", Long.toString(waitSeconds.getAsLong())));
    }
  }

  private String requestUrl(ActiveSource source, IncomingRequest request) {
    String url = config.publicUrl() + source.hookPath();
    return request.rawQuery() == null || request.rawQuery().isEmpty()
        ? url
        : url + "?" + request.rawQuery();
  }

  private CompletionStage<AcceptedEvent> commit(
      ActiveSource source, EventFacts facts, IncomingRequest request, int status) {
    return writer
        .write(source, facts, request, status)
        .exceptionallyCompose(
            failure -> CompletableFuture.failedFuture(commitFailed(source, unwrap(failure))));
  }

  private static ProblemException commitFailed(ActiveSource source, Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProblemException refused) {
        // The database refused this request's data: bad input, not an outage.
        return refused;
      }
    }
    // Vendors retry a 5xx but drop a 4xx, so failing to commit must never look like bad input.
    LOG.warnf(
        "Could not commit an event for source %s (%s): %s",
        source.id(), source.vendor(), e.getCause());
    return ProblemException.unavailable("The event could not be stored; please retry.");
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private void logRejection(ActiveSource source, IncomingRequest request, Problem problem) {
    String code = problem.type().substring(problem.type().lastIndexOf(':') + 1);
    logQuietly(
        () -> requestLog.rejected(source, request, problem.status(), code, problem.detail()));
  }

  /** The request log must never change the answer a vendor gets. */
  private static void logQuietly(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.warnf("Could not write the request log: %s", e.toString());
    }
  }
}
