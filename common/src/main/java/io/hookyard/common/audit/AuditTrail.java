package io.hookyard.common.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookyard.common.id.Ids;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Writes the audit trail of a service: who (the token's subject, user name and client) did what (an
 * action on a resource) to which tenant, with the difference between before and after. It must be
 * called inside the transaction that makes the change ({@code MANDATORY}), so the trail and the
 * change commit or fail together. Fields whose names suggest a secret are masked before anything is
 * written.
 */
@ApplicationScoped
public class AuditTrail {
  public static final String AUDIT = "aud";
  static final String MASKED = "[masked]";
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(?i).*(secret|token|password|authorization|credential|cookie|signature|apikey|api-key|private).*");

  private final EntityManager entityManager;
  private final Instance<SecurityIdentity> identity;
  private final ObjectMapper mapper;
  private final Clock clock;

  public AuditTrail(
      EntityManager entityManager,
      Instance<SecurityIdentity> identity,
      ObjectMapper mapper,
      Clock clock) {
    this.entityManager = entityManager;
    this.identity = identity;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * Records one change.
   *
   * @param before the resource as it was (its API view), or null when it is created
   * @param after the resource as it is now, or null when it is deleted
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      String tenant,
      String resourceType,
      String resourceId,
      String action,
      Object before,
      Object after) {
    Actor actor = actor();
    entityManager
        .createNativeQuery(
            "insert into {h-schema}audit_entry"
                + " (id, tenant, at, subject, username, client, resource_type, resource_id, action, diff)"
                + " values (:id, :tenant, :at, :subject, :username, :client, :type, :resourceId,"
                + " :action, cast(:diff as jsonb))")
        .setParameter("id", Ids.newId(AUDIT, clock))
        .setParameter("tenant", tenant)
        .setParameter("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .setParameter("subject", actor.subject())
        .setParameter("username", actor.username())
        .setParameter("client", actor.client())
        .setParameter("type", resourceType)
        .setParameter("resourceId", resourceId)
        .setParameter("action", action)
        .setParameter("diff", diff(before, after).toString())
        .executeUpdate();
  }

  /** The changed top-level fields, each as {@code {"from": …, "to": …}}, secrets masked. */
  JsonNode diff(Object before, Object after) {
    JsonNode old = masked(before == null ? null : mapper.valueToTree(before));
    JsonNode now = masked(after == null ? null : mapper.valueToTree(after));
    ObjectNode diff = mapper.createObjectNode();
    Set<String> fields = new TreeSet<>();
    old.fieldNames().forEachRemaining(fields::add);
    now.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode from = old.get(field);
      JsonNode to = now.get(field);
      if (from == null ? to != null : !from.equals(to)) {
        ObjectNode change = diff.putObject(field);
        change.set("from", from);
        change.set("to", to);
      }
    }
    return diff;
  }

  private JsonNode masked(JsonNode node) {
    if (node == null || !node.isObject()) {
      return mapper.createObjectNode();
    }
    mask(node);
    return node;
  }

  private static void mask(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (SECRET_FIELD.matcher(field.getKey()).matches() && field.getValue().isTextual()) {
          field.setValue(object.textNode(MASKED));
        } else {
          mask(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(AuditTrail::mask);
    }
  }

  private Actor actor() {
    SecurityIdentity caller;
    try {
      caller = identity.isResolvable() ? identity.get() : null;
      if (caller != null) {
        caller.isAnonymous();
      }
    } catch (ContextNotActiveException e) {
      caller = null; // A change outside any request: Hookyard itself made it.
    }
    if (caller == null || caller.isAnonymous()) {
      return new Actor("system", null, null);
    }
    if (caller.getPrincipal() instanceof JsonWebToken token) {
      String subject =
          firstOf(token.getSubject(), token.getName(), caller.getPrincipal().getName());
      Object azp = token.getClaim("azp");
      String client = azp == null ? null : azp.toString();
      return new Actor(subject, token.getName(), client);
    }
    return new Actor(caller.getPrincipal().getName(), caller.getPrincipal().getName(), null);
  }

  // A token need not carry every claim (an issuer may leave out sub or a user name); the trail
  // still names the caller as well as it can.
  private static String firstOf(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return "unknown";
  }

  private record Actor(String subject, String username, String client) {}
}
