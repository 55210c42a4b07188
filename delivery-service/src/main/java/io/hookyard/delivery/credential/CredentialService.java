package io.hookyard.delivery.credential;

import io.hookyard.common.audit.AuditTrail;
import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.Problem.FieldError;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.common.secret.SealedSecret;
import io.hookyard.common.secret.SecretBox;
import io.hookyard.delivery.egress.DestinationUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates, replaces and deletes a tenant's credentials. The secret part is sealed before it is
 * stored and is returned once, in the answer that created the credential.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class CredentialService {
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "transfer-encoding",
          "connection",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature");

  private final CredentialRepository credentials;
  private final SecretBox secretBox;
  private final DestinationUrls urls;
  private final CredentialStore store;
  private final AuditTrail audit;
  private final Clock clock;

  public CredentialService(
      CredentialRepository credentials,
      SecretBox secretBox,
      DestinationUrls urls,
      CredentialStore store,
      AuditTrail audit,
      Clock clock) {
    this.credentials = credentials;
    this.secretBox = secretBox;
    this.urls = urls;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  public CredentialView create(String tenant, CredentialRequest request) {
    Parts parts = parts(request);
    if (credentials.nameTaken(tenant, request.name())) {
      throw ProblemException.conflict(
          "credential-exists",
          "This tenant already has a credential named " + request.name() + ".");
    }
    Instant now = clock.instant();
    Credential c = new Credential();
    c.id = Ids.newId(Ids.CREDENTIAL, clock);
    c.tenant = tenant;
    c.createdAt = now;
    fill(c, request, parts, now);
    credentials.persist(c);
    audit.record(tenant, "credential", c.id, "create", null, CredentialView.of(c, null));
    return CredentialView.of(c, parts.secret());
  }

  public List<CredentialView> list(String tenant) {
    return credentials.listInTenant(tenant).stream().map(c -> CredentialView.of(c, null)).toList();
  }

  public CredentialView get(String tenant, String id) {
    return CredentialView.of(find(tenant, id), null);
  }

  /** Replaces the credential (a rotation): every field anew, the secret included. */
  public CredentialView replace(String tenant, String id, CredentialRequest request) {
    Credential c = find(tenant, id);
    Parts parts = parts(request);
    if (!c.name.equals(request.name()) && credentials.nameTaken(tenant, request.name())) {
      throw ProblemException.conflict(
          "credential-exists",
          "This tenant already has a credential named " + request.name() + ".");
    }
    CredentialView before = CredentialView.of(c, null);
    fill(c, request, parts, clock.instant());
    store.invalidate();
    CredentialView after = CredentialView.of(c, null);
    audit.record(tenant, "credential", c.id, "replace", before, after);
    return after;
  }

  public void delete(String tenant, String id) {
    Credential c = find(tenant, id);
    if (credentials.inUse(c.id)) {
      throw ProblemException.conflict(
          "credential-in-use", "A destination still uses credential " + c.name + ".");
    }
    audit.record(tenant, "credential", c.id, "delete", CredentialView.of(c, null), null);
    credentials.delete(c);
    store.invalidate();
  }

  private Credential find(String tenant, String id) {
    return credentials
        .findInTenant(tenant, id)
        .orElseThrow(() -> ProblemException.notFound("No credential '" + id + "' in this tenant."));
  }

  private void fill(Credential c, CredentialRequest request, Parts parts, Instant now) {
    SealedSecret sealed = secretBox.seal(parts.secret());
    c.name = request.name();
    c.kind = request.kind();
    c.settings = parts.settings();
    c.keyId = sealed.keyId();
    c.ciphertext = sealed.ciphertext();
    c.updatedAt = now;
  }

  /** What is kept in the open and what is sealed. */
  private record Parts(Map<String, String> settings, String secret) {}

  private Parts parts(CredentialRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    String secret =
        switch (request.kind()) {
          case API_TOKEN -> required(request.token(), "token", errors);
          case BASIC -> {
            settings.put("username", required(request.username(), "username", errors));
            yield required(request.password(), "password", errors);
          }
          case HEADER -> {
            settings.put("header", header(request.header(), errors));
            yield required(request.value(), "value", errors);
          }
          case OAUTH2 -> {
            settings.put("tokenUrl", required(request.tokenUrl(), "tokenUrl", errors));
            settings.put("clientId", required(request.clientId(), "clientId", errors));
            if (request.scope() != null && !request.scope().isBlank()) {
              settings.put("scope", request.scope());
            }
            yield required(request.clientSecret(), "clientSecret", errors);
          }
        };
    if (!errors.isEmpty()) {
      throw new ProblemException(
          io.hookyard.common.problem.Problem.of(
                  400,
                  "invalid-credential",
                  "Bad request",
                  "A " + request.kind().wireName() + " credential needs other fields.")
              .withErrors(errors));
    }
    if (request.kind() == CredentialKind.OAUTH2) {
      urls.requireAllowed(request.tokenUrl());
    }
    return new Parts(settings, secret);
  }

  private static String required(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required for this kind"));
      return "";
    }
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      errors.add(new FieldError(field, "must not hold a line break"));
    }
    return value;
  }

  private static String header(String name, List<FieldError> errors) {
    String value = required(name, "header", errors);
    if (!value.isEmpty()) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (!HEADER_NAME.matcher(value).matches()) {
        errors.add(new FieldError("header", "is not a valid header name"));
      } else if (RESERVED_HEADERS.contains(lower) || lower.startsWith("proxy-")) {
        errors.add(new FieldError("header", "is set by Hookyard itself"));
      }
    }
    return value;
  }
}
