package io.hookyard.common.secret;

import io.hookyard.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Key rotation for operators: after a new key is configured as the active one (the old key kept
 * beside it), this re-encrypts every sealed value of this service under it. Every service has it.
 */
@Path("/api/v1/admin/secrets/re-encrypt")
@Produces(MediaType.APPLICATION_JSON)
public class KeyRotationResource {
  private final KeyRotation rotation;

  public KeyRotationResource(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @POST
  @RolesAllowed(Roles.HOOKYARD_ADMIN)
  public KeyRotation.Report reEncrypt(
      @QueryParam("batchSize") @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {
    return rotation.reEncryptAll(batchSize);
  }
}
