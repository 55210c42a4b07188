package io.hookyard.common.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Where an event goes instead of the action's steps: when {@code when} (a filter on the event)
 * holds, or when one of the steps fails for good (its retries are exhausted, or its template cannot
 * be rendered). Its steps see the failure as {@code error} in their templates.
 *
 * @param when a filter that sends the event straight here, or null
 * @param steps the steps of the route, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorRoute(
    @Size(max = 4096) String when,
    @NotEmpty @Size(max = Action.MAX_STEPS) List<@Valid Step> steps) {}
