package io.hookyard.rules.dryrun;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * Credentials as previews see them: every name and every field exists and reads as a mask, so a
 * template renders in full without rules-service ever holding a secret.
 */
final class MaskedCredentials extends AbstractMap<String, Object> {
  static final String MASK = "••••••";
  static final MaskedCredentials ALL = new MaskedCredentials(true);
  private static final MaskedCredentials FIELDS = new MaskedCredentials(false);

  private final boolean names;

  private MaskedCredentials(boolean names) {
    this.names = names;
  }

  @Override
  public Object get(Object key) {
    return names ? FIELDS : MASK;
  }

  @Override
  public boolean containsKey(Object key) {
    return true;
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return Set.of();
  }
}
