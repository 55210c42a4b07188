package io.hookyard.receiver.source;

import java.util.List;
import java.util.Map;

/**
 * What the ingest path needs of an enabled source, with its secrets already decrypted: a snapshot
 * that can be cached between requests.
 */
public record ActiveSource(
    String id,
    String tenant,
    String name,
    String vendor,
    Map<String, String> settings,
    int maxBodyBytes,
    List<String> secrets) {

  public String hookPath() {
    return "/hooks/" + tenant + "/" + name;
  }
}
