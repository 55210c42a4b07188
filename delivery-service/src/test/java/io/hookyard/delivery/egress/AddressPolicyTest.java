package io.hookyard.delivery.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookyard.common.problem.ProblemException;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  final AddressPolicy strict = new AddressPolicy(List.of());

  @ParameterizedTest
  @ValueSource(
      strings = {
        "169.254.169.254", // cloud metadata
        "fd00:ec2::254", // cloud metadata over IPv6
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "100.64.0.1",
        "127.0.0.1",
        "127.1.2.3",
        "::1",
        "0.0.0.0",
        "::",
        "fe80::1",
        "fc00::1",
        "224.0.0.1",
        "ff02::1",
        "255.255.255.255",
        "::ffff:169.254.169.254", // IPv4-mapped
        "::ffff:10.0.0.1",
        "::10.0.0.1", // IPv4-compatible
        "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
        "64:ff9b::7f00:1", // NAT64 of 127.0.0.1
        "2002:a9fe:a9fe::1" // 6to4 of 169.254.169.254
      })
  void internalAddressesAreRefused(String address) throws Exception {
    assertTrue(strict.refusal(InetAddress.getByName(address)).isPresent(), address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "2606:4700::1111",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808"
      })
  void publicAddressesAreAllowed(String address) throws Exception {
    assertTrue(strict.refusal(InetAddress.getByName(address)).isEmpty(), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "::1", "::ffff:127.0.0.1"})
  void anAllowListOpensWhatItNames(String address) throws Exception {
    AddressPolicy loopback = new AddressPolicy(List.of("127.0.0.0/8", "::1/128"));
    assertTrue(loopback.refusal(InetAddress.getByName(address)).isEmpty(), address);
    assertTrue(loopback.refusal(InetAddress.getByName("10.0.0.1")).isPresent());
    assertTrue(loopback.refusal(InetAddress.getByName("169.254.169.254")).isPresent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/hook",
        "http://[::1]:8080/hook",
        "http://[::ffff:a9fe:a9fe]/"
      })
  void destinationUrlsOnInternalAddressesAreRefusedWithoutAnAllowList(String url) {
    DestinationUrls urls = new DestinationUrls(strict);
    ProblemException refused = assertThrows(ProblemException.class, () -> urls.requireAllowed(url));
    assertEquals(400, refused.problem().status());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://example.com/", "http:///nohost", "https://user:pw@example.com/"})
  void malformedUrlsAreRefused(String url) {
    DestinationUrls urls = new DestinationUrls(strict);
    assertThrows(ProblemException.class, () -> urls.requireAllowed(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/8", "fc00::/7", "::ffff:0:0/96", "192.0.2.1"})
  void cidrsParse(String cidr) {
    Cidr.parse(cidr);
  }
}
