package io.hookyard.stack;

/** The three services and the console, with their module folder and default local port. */
public enum HookyardService {
  RECEIVER("receiver-service", 8081),
  RULES("rules-service", 8082),
  DELIVERY("delivery-service", 8083),
  CONSOLE("console", 8084);

  private final String module;
  private final int defaultPort;

  HookyardService(String module, int defaultPort) {
    this.module = module;
    this.defaultPort = defaultPort;
  }

  public String module() {
    return module;
  }

  public int defaultPort() {
    return defaultPort;
  }
}
