package io.hookyard.receiver.security;

import io.hookyard.common.testing.EndpointWalker;
import io.hookyard.receiver.ReceiverTest;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint of receiver-service's own OpenAPI document, called without a token, with another
 * tenant's token, as a viewer on writes and with a service token where it does not belong.
 */
@ReceiverTest
class EndpointSecurityTest {

  @TestFactory
  Stream<DynamicTest> everyEndpointChecksWhoIsCalling() {
    return EndpointWalker.walk(11, Set.of());
  }
}
