package io.hookyard.receiver.vendor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Every vendor adapter the receiver knows, by vendor name. */
@ApplicationScoped
public class VendorAdapters {
  private final Map<String, VendorAdapter> byVendor = new TreeMap<>();

  public VendorAdapters(Instance<VendorAdapter> adapters) {
    adapters.forEach(adapter -> byVendor.put(adapter.vendor(), adapter));
  }

  public Optional<VendorAdapter> find(String vendor) {
    return Optional.ofNullable(byVendor.get(vendor));
  }

  public Set<String> vendors() {
    return byVendor.keySet();
  }
}
