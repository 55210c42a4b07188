package io.hookyard.receiver.vendor;

import java.util.List;

/**
 * How a vendor is set up, for the catalogue and for source creation.
 *
 * @param displayName the vendor's name for people
 * @param secret where the source's secret comes from
 * @param methods the HTTP methods the vendor uses
 * @param samples the event types it sends, with sample payloads
 */
public record VendorProfile(
    String displayName, SecretOrigin secret, List<String> methods, List<EventSample> samples) {

  /** Where a source's secret comes from. */
  public enum SecretOrigin {
    /** Hookyard generates it and shows it once; the admin gives it to the vendor. */
    GENERATED,
    /** The vendor issues it (a signing secret, a public key); the admin pastes it in. */
    PROVIDED
  }
}
