package io.hookyard.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One entry of the audit trail as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(
    String id,
    Instant at,
    String subject,
    String username,
    String client,
    String resourceType,
    String resourceId,
    String action,
    JsonNode diff) {}
