package io.hookyard.rules.security;

import io.hookyard.common.testing.EndpointWalker;
import io.hookyard.rules.RulesTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of rules-service's own OpenAPI document, called without a token, with another
 * tenant's token, as a viewer on writes and with a service token where it does not belong.
 */
@RulesTest
class EndpointSecurityTest {

  @TestFactory
  Stream<DynamicTest> everyEndpointChecksWhoIsCalling() {
    return EndpointWalker.walk(
        9,
        Set.of(
            "POST /api/v1/tenants/{tenant}/subscriptions/{id}/dry-run",
            "POST /api/v1/tenants/{tenant}/filters/check"));
  }
}
