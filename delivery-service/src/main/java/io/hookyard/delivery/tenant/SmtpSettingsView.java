package io.hookyard.delivery.tenant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.hookyard.delivery.mail.TlsMode;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A tenant's own SMTP server. The password is only ever written: a read shows {@code passwordSet}
 * instead. Leaving it out of a write keeps the stored one (while the host and user stay the same);
 * an empty one removes it.
 *
 * @param port by default the TLS mode's: 25, 587 or 465
 * @param tls by default STARTTLS
 * @param from the sender address of the tenant's e-mails
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SmtpSettingsView(
    @NotBlank
        @Size(max = 253)
        @Pattern(regexp = "[A-Za-z0-9.:\\[\\]-]+", message = "must be a host name or an address")
        String host,
    @Min(1) @Max(65535) Integer port,
    TlsMode tls,
    @Size(max = 256) String username,
    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) @Size(max = 1024) String password,
    @JsonProperty(access = JsonProperty.Access.READ_ONLY) Boolean passwordSet,
    @NotBlank @Email @Size(max = 320) String from) {}
