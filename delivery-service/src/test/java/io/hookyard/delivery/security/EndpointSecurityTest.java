package io.hookyard.delivery.security;

import io.hookyard.common.testing.EndpointWalker;
import io.hookyard.delivery.DeliveryTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of delivery-service's own OpenAPI document, called without a token, with another
 * tenant's token, as a viewer on writes and with a service token where it does not belong.
 */
@DeliveryTest
class EndpointSecurityTest {

  @TestFactory
  Stream<DynamicTest> everyEndpointChecksWhoIsCalling() {
    return EndpointWalker.walk(20, Set.of());
  }
}
