package io.hookyard.receiver;

import io.hookyard.common.testing.PostgresResource;
import io.hookyard.common.testing.ServiceTokenServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The receiver's {@code @QuarkusTest} set-up: a real PostgreSQL, a WireMock OIDC server that
 * verifies real signed tokens, and a recording stand-in for rules-service. Every test class uses
 * the same set, so the application starts once per suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(ServiceTokenServer.class)
@WithTestResource(RulesStub.class)
public @interface ReceiverTest {}
