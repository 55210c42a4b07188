package io.hookyard.common.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An e-mail step: every field is a template. At least one of {@code html} and {@code text}.
 *
 * @param to the recipients
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Email(
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 320) String> to,
    @NotBlank @Size(max = 1000) String subject,
    @Size(max = 262_144) String html,
    @Size(max = 262_144) String text) {}
