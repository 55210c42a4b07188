package io.hookyard.console.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CrossSiteGuardTest {

  @Test
  void fetchMetadataDecides() {
    assertTrue(CrossSiteGuard.allowed("same-origin", "http://elsewhere", "console:8084"));
    assertTrue(CrossSiteGuard.allowed("none", null, "console:8084"));
    assertFalse(CrossSiteGuard.allowed("cross-site", null, "console:8084"));
    assertFalse(CrossSiteGuard.allowed("same-site", "http://other.example:8084", "console:8084"));
  }

  @Test
  void withoutFetchMetadataTheOriginMustBeThisHost() {
    assertTrue(CrossSiteGuard.allowed(null, "http://console:8084", "console:8084"));
    assertTrue(CrossSiteGuard.allowed(null, "https://hookyard.example", "hookyard.example"));
    assertFalse(CrossSiteGuard.allowed(null, "http://evil.example", "console:8084"));
    assertFalse(CrossSiteGuard.allowed(null, "null", "console:8084"));
  }

  @Test
  void aRequestWithNeitherIsNotFromABrowserOnAnotherSite() {
    assertTrue(CrossSiteGuard.allowed(null, null, "console:8084"));
  }
}
