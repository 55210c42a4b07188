package io.hookyard.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the stack for the durable-ingest benchmark ({@code bench/ingest.sh}): starts everything,
 * creates a GitHub source with a known secret and no rate limit, then stops rules-service and
 * delivery-service so that the receiver and PostgreSQL have the machine to themselves (accepted
 * events wait in the outbox). Writes the hook URL to the file named by the first argument and waits
 * until it is stopped.
 */
public final class BenchIngestStack {
  private BenchIngestStack() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("hookyard.root", ".")).toAbsolutePath().normalize();
    Path out = Path.of(args[0]);
    String secret = args.length > 1 ? args[1] : "bench-secret";
    Map<String, String> passwords = new LinkedHashMap<>();
    for (String user : KeycloakServer.ACCOUNTS) {
      passwords.put(user, "bench-" + user + "-" + System.nanoTime());
    }
    HookyardStack stack =
        new HookyardStack(
            new HookyardStack.Options(
                root,
                HookyardUp.keycloakHome(root),
                null,
                root.resolve("bench/target/logs"),
                false,
                passwords,
                HookyardStack.secretsKeyProperties(HookyardStack.newSecretsKey())));
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
    stack.start();
    JsonNode source =
        stack
            .as("ops")
            .createSource(
                "bench",
                "github",
                Map.of("vendor", "github", "secret", secret, "settings", Map.of("rateLimit", "0")));
    stack.kill(HookyardService.RULES);
    stack.kill(HookyardService.DELIVERY);
    Files.writeString(out, source.path("url").asText() + "\n" + stack.databaseUrl() + "\n");
    System.out.println("Receiver ready for the benchmark at " + source.path("url").asText());
    Thread.currentThread().join();
  }
}
