package io.hookyard.delivery;

import io.hookyard.common.testing.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * delivery-service's {@code @QuarkusTest} set-up: a real PostgreSQL and a WireMock OIDC server for
 * real signed tokens. Destinations are real HTTP servers each test starts. One set for every test
 * class, so the application starts once per suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@WithTestResource(PostgresResource.class)
@WithTestResource(OidcWiremockTestResource.class)
public @interface DeliveryTest {}
