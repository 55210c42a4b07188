package io.hookyard.system;

import io.hookyard.stack.HookyardStack;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one stack (PostgreSQL, Keycloak, the three packaged services, all on free ports) for the
 * whole system-test run and stops it when the run ends. Test classes share it and keep out of each
 * other's way by using their own sources, event types and sinks.
 */
public final class SystemStack implements BeforeAllCallback {
  private static HookyardStack stack;
  private static Map<String, String> passwords;

  public static synchronized HookyardStack get() {
    if (stack == null) {
      Path root = Path.of(System.getProperty("hookyard.root", "..")).toAbsolutePath().normalize();
      passwords = randomPasswords();
      stack =
          new HookyardStack(
                  new HookyardStack.Options(
                      root,
                      Path.of(System.getProperty("hookyard.keycloak.home")),
                      null,
                      root.resolve("system-tests/target/stack-logs"),
                      false,
                      passwords,
                      serviceProperties()))
              .start();
    }
    return stack;
  }

  /** A demo user's password in this run's realm, for tests that sign in through a browser. */
  public static synchronized String password(String user) {
    get();
    return passwords.get(user);
  }

  private static Map<String, String> serviceProperties() {
    Map<String, String> properties =
        new LinkedHashMap<>(HookyardStack.secretsKeyProperties(HookyardStack.newSecretsKey()));
    // Short backoffs so a restarted peer is found again within a second or two.
    properties.put("hookyard.receiver.outbox.max-backoff", "1s");
    properties.put("hookyard.rules.outbox.max-backoff", "1s");
    return properties;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    get();
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(
            SystemStack.class, key -> (ExtensionContext.Store.CloseableResource) SystemStack::stop);
  }

  private static synchronized void stop() {
    if (stack != null) {
      stack.close();
      stack = null;
    }
  }

  private static Map<String, String> randomPasswords() {
    SecureRandom random = new SecureRandom();
    Map<String, String> generated = new LinkedHashMap<>();
    for (String user : List.of("alice", "victor", "bob", "ops")) {
      byte[] bytes = new byte[12];
      random.nextBytes(bytes);
      generated.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return generated;
  }
}
