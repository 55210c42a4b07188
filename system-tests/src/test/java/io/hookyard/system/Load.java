package io.hookyard.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookyard.stack.ManagementClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vendors sending events to one wiring's source through one or more receivers, round robin, until
 * stopped. Only a 2xx answer counts as accepted; a refused or dropped request is simply not counted
 * (a vendor would send it again later, as a new request here).
 */
final class Load implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Wiring wiring;
  private final List<String> hookUrls;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> acceptedBy = new ConcurrentHashMap<>();
  private final AtomicInteger failed = new AtomicInteger();
  private final ExecutorService senders;

  private Load(Wiring wiring, List<String> hookUrls, int threads) {
    this.wiring = wiring;
    this.hookUrls = List.copyOf(hookUrls);
    this.senders = Executors.newFixedThreadPool(threads);
    hookUrls.forEach(url -> acceptedBy.put(url, new AtomicInteger()));
    for (int thread = 0; thread < threads; thread++) {
      int sender = thread;
      senders.execute(() -> send(sender));
    }
  }

  static Load start(Wiring wiring, List<String> hookUrls, int threads) {
    return new Load(wiring, hookUrls, threads);
  }

  private void send(int sender) {
    int n = 0;
    while (running.get()) {
      String url = hookUrls.get((n + sender) % hookUrls.size());
      try {
        HttpResponse<String> response =
            ManagementClient.postEvent(
                url, wiring.sourceSecret(), wiring.event("\"sender\":" + sender + ",\"n\":" + n));
        if (response.statusCode() / 100 == 2) {
          accepted.add(JSON.readTree(response.body()).path("id").asText());
          acceptedBy.get(url).incrementAndGet();
        } else {
          failed.incrementAndGet();
          pause();
        }
      } catch (Exception e) {
        // The receiver is down or went down mid-request.
        failed.incrementAndGet();
        pause();
      }
      n++;
    }
  }

  /** Stops sending and waits for the requests in flight. */
  void stop() throws InterruptedException {
    running.set(false);
    senders.shutdown();
    if (!senders.awaitTermination(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("senders did not stop");
    }
  }

  /** Ids of the events answered 2xx. */
  Set<String> accepted() {
    return Set.copyOf(accepted);
  }

  int acceptedBy(String hookUrl) {
    return acceptedBy.get(hookUrl).get();
  }

  int failed() {
    return failed.get();
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (running.get()) {
      stop();
    }
  }
}
