package io.hookyard.receiver.vendor;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * Fleet (fleetdm): its automations POST JSON with no signature and no handshake, and the admin can
 * only enter a destination URL. So the secret travels in that URL as {@code ?token=<secret>} (Fleet
 * masks secret URL parameters in its logs). A proxy in front may send {@code Authorization: Bearer
 * <secret>} instead: the query token is checked when present, else the header.
 *
 * <p>Fleet names no event type, so the type comes from the body's shape:
 *
 * <ul>
 *   <li>{@code fleet.calendar}: top-level {@code host_id} (the calendar / maintenance-window
 *       webhook with {@code failing_policies} and an optional {@code error}); subject the host id.
 *   <li>{@code fleet.failing_policies}: a {@code policy} object and {@code hosts}; subject the
 *       policy id.
 *   <li>{@code fleet.vulnerability}: a {@code vulnerability} object; subject the CVE.
 *   <li>{@code fleet.host_status}: {@code data.host_ids} or {@code data.unseen_hosts}; no subject
 *       (the body covers many hosts).
 *   <li>{@code fleet.unknown}: anything else (the activity webhook's shape was not captured).
 * </ul>
 *
 * Fleet sends no delivery id and re-sends failing hosts at its next run, so there is no dedup key.
 */
@Singleton
public class FleetAdapter implements VendorAdapter {
  private static final JsonFields.Selection FIELDS =
      JsonFields.select(
          "/host_id",
          "/policy",
          "/policy/id",
          "/vulnerability",
          "/vulnerability/cve",
          "/data/host_ids",
          "/data/unseen_hosts");
  static final String TOKEN = "token";

  @Override
  public String vendor() {
    return "fleet";
  }

  @Override
  public VendorProfile profile() {
    return new VendorProfile(
        "Fleet",
        VendorProfile.SecretOrigin.GENERATED,
        List.of("POST"),
        List.of(
            EventSamples.of(
                vendor(),
                "fleet.calendar",
                "A calendar maintenance window started for a host with failing policies",
                "calendar.json"),
            EventSamples.of(
                vendor(),
                "fleet.failing_policies",
                "Hosts failing a policy",
                "failing-policies.json"),
            EventSamples.of(
                vendor(),
                "fleet.vulnerability",
                "A vulnerability found on hosts",
                "vulnerability.json"),
            EventSamples.of(
                vendor(),
                "fleet.host_status",
                "Too many hosts have not checked in",
                "host-status.json")));
  }

  @Override
  public void verify(IncomingRequest request, VerificationContext context) {
    if (request.queryParameter(TOKEN) != null) {
      SharedSecrets.requireQueryToken(request, context, TOKEN);
      return;
    }
    String authorization = request.header("Authorization");
    if (authorization == null) {
      throw new VerificationFailure(
          "missing-token", "Add ?token=<secret> to the destination URL configured in Fleet.");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new VerificationFailure("wrong-scheme", "Authorization must use the Bearer scheme.");
    }
    SharedSecrets.requireHeader(request, context, "Authorization", "Bearer");
  }

  @Override
  public EventFacts read(IncomingRequest request) {
    JsonFields json = JsonBodies.require(request, FIELDS);
    if (json.has("/host_id")) {
      return facts("fleet.calendar", json.text("/host_id"));
    }
    if (json.isObject("/policy")) {
      return facts("fleet.failing_policies", json.text("/policy/id"));
    }
    if (json.isObject("/vulnerability")) {
      return facts("fleet.vulnerability", json.text("/vulnerability/cve"));
    }
    if (json.has("/data/host_ids") || json.has("/data/unseen_hosts")) {
      return facts("fleet.host_status", null);
    }
    return facts("fleet.unknown", null);
  }

  private static EventFacts facts(String type, String subject) {
    return new EventFacts(type, subject, null, null);
  }
}
