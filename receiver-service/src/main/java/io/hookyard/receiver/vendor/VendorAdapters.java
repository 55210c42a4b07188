package io.hookyard.receiver.vendor;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every vendor adapter the receiver knows, by vendor name, with each profile read once at start-up
 * (profiles load sample payloads, which the ingest path must not pay for).
 */
@Singleton
public class VendorAdapters {
  private final Map<String, VendorAdapter> byVendor = new TreeMap<>();
  private final Map<String, VendorProfile> profiles = new TreeMap<>();

  public VendorAdapters(Instance<VendorAdapter> adapters) {
    adapters.forEach(
        adapter -> {
          byVendor.put(adapter.vendor(), adapter);
          profiles.put(adapter.vendor(), adapter.profile());
        });
  }

  public Optional<VendorAdapter> find(String vendor) {
    return Optional.ofNullable(byVendor.get(vendor));
  }

  /** The profile of a known vendor. */
  public VendorProfile profile(String vendor) {
    return profiles.get(vendor);
  }

  public Set<String> vendors() {
    return byVendor.keySet();
  }
}
