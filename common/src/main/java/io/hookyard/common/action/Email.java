package io.hookyard.common.action;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An e-mail step: every field is a template. Without a preset it needs a subject and at least one
 * of {@code html} and {@code text}; with the {@code EMAIL} preset, what it leaves out comes from
 * the preset's fields.
 *
 * @param to the recipients
 * @param cc recipients in copy, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Email(
    @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 320) String> to,
    @Size(max = 1000) String subject,
    @Size(max = 262_144) String html,
    @Size(max = 262_144) String text,
    @Size(max = 50) List<@NotBlank @Size(max = 320) String> cc) {

  /** An e-mail without copies. */
  public Email(List<String> to, String subject, String html, String text) {
    this(to, subject, html, text, null);
  }
}
