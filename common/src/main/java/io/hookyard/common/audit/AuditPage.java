package io.hookyard.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of the audit trail, newest first; {@code next} is the cursor of the following page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditPage(List<AuditEntryView> entries, String next) {}
