package io.hookyard.bench;

import io.hookyard.receiver.vendor.DiscordAdapter;
import io.hookyard.receiver.vendor.GenericAdapter;
import io.hookyard.receiver.vendor.GithubAdapter;
import io.hookyard.receiver.vendor.IncomingRequest;
import io.hookyard.receiver.vendor.MetaAdapter;
import io.hookyard.receiver.vendor.PagerDutyAdapter;
import io.hookyard.receiver.vendor.ScalefusionAdapter;
import io.hookyard.receiver.vendor.ShopifyAdapter;
import io.hookyard.receiver.vendor.Signatures;
import io.hookyard.receiver.vendor.SlackAdapter;
import io.hookyard.receiver.vendor.StandardWebhooksAdapter;
import io.hookyard.receiver.vendor.StripeAdapter;
import io.hookyard.receiver.vendor.TwitchAdapter;
import io.hookyard.receiver.vendor.VendorAdapter;
import io.hookyard.receiver.vendor.VerificationContext;
import io.hookyard.receiver.vendor.ZoomAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verification of one signed 1.5 KB delivery per vendor, as the receiver does it: the adapter's
 * {@code verify} against the raw bytes with the source's secret. Each request is signed in the
 * set-up exactly as the vendor signs it, with a current timestamp.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SignatureBenchmark {
  @Param({
    "generic",
    "github",
    "stripe",
    "slack",
    "standard-webhooks",
    "shopify",
    "pagerduty",
    "zoom",
    "twitch",
    "meta",
    "scalefusion",
    "discord"
  })
  public String vendor;

  private VendorAdapter adapter;
  private IncomingRequest request;
  private VerificationContext context;

  @Setup(Level.Trial)
  public void sign() throws Exception {
    byte[] body = payload();
    String secret = "bench-secret-0123456789";
    long now = Instant.now().getEpochSecond();
    Map<String, String> headers = new HashMap<>();
    switch (vendor) {
      case "generic" -> {
        adapter = new GenericAdapter();
        headers.put("authorization", "Bearer " + secret);
      }
      case "github" -> {
        adapter = new GithubAdapter();
        headers.put("x-hub-signature-256", "sha256=" + hexHmac(secret, body));
      }
      case "stripe" -> {
        adapter = new StripeAdapter();
        secret = "whsec_bench0123456789";
        byte[] signed = Signatures.concat(Signatures.utf8(now + "."), body);
        headers.put("stripe-signature", "t=" + now + ",v1=" + hexHmac(secret, signed));
      }
      case "slack" -> {
        adapter = new SlackAdapter();
        headers.put("x-slack-request-timestamp", Long.toString(now));
        byte[] signed = Signatures.concat(Signatures.utf8("v0:" + now + ":"), body);
        headers.put("x-slack-signature", "v0=" + hexHmac(secret, signed));
      }
      case "standard-webhooks" -> {
        adapter = new StandardWebhooksAdapter();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        byte[] signed = Signatures.concat(Signatures.utf8("msg_1." + now + "."), body);
        headers.put("webhook-id", "msg_1");
        headers.put("webhook-timestamp", Long.toString(now));
        headers.put(
            "webhook-signature",
            "v1," + Signatures.base64(Signatures.hmac("HmacSHA256", key, signed)));
      }
      case "shopify" -> {
        adapter = new ShopifyAdapter();
        headers.put(
            "x-shopify-hmac-sha256", Signatures.base64(Signatures.hmacSha256(secret, body)));
      }
      case "pagerduty" -> {
        adapter = new PagerDutyAdapter();
        headers.put("x-pagerduty-signature", "v1=" + hexHmac(secret, body));
      }
      case "zoom" -> {
        adapter = new ZoomAdapter();
        headers.put("x-zm-request-timestamp", Long.toString(now));
        byte[] signed = Signatures.concat(Signatures.utf8("v0:" + now + ":"), body);
        headers.put("x-zm-signature", "v0=" + hexHmac(secret, signed));
      }
      case "twitch" -> {
        adapter = new TwitchAdapter();
        String timestamp = Instant.now().toString();
        byte[] signed = Signatures.concat(Signatures.utf8("msg-1" + timestamp), body);
        headers.put("twitch-eventsub-message-id", "msg-1");
        headers.put("twitch-eventsub-message-timestamp", timestamp);
        headers.put("twitch-eventsub-message-type", "notification");
        headers.put("twitch-eventsub-message-signature", "sha256=" + hexHmac(secret, signed));
      }
      case "meta" -> {
        adapter = new MetaAdapter();
        headers.put("x-hub-signature-256", "sha256=" + hexHmac(secret, body));
      }
      case "scalefusion" -> {
        adapter = new ScalefusionAdapter();
        headers.put("x-sf-signature", hexHmac(secret, body));
      }
      case "discord" -> {
        adapter = new DiscordAdapter();
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = keys.getPublic().getEncoded();
        secret =
            Signatures.hex(
                java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        headers.put("x-signature-timestamp", Long.toString(now));
        headers.put(
            "x-signature-ed25519",
            Signatures.hex(
                ed25519(keys, Signatures.concat(Signatures.utf8(Long.toString(now)), body))));
      }
      default -> throw new IllegalArgumentException(vendor);
    }
    headers.put("content-type", "application/json");
    Map<String, List<String>> headerLists = new HashMap<>();
    headers.forEach((name, value) -> headerLists.put(name, List.of(value)));
    request = new IncomingRequest("POST", headerLists, null, Map.of(), "application/json", body);
    context =
        new VerificationContext(
            List.of(secret), Map.of(), Clock.systemUTC(), "https://hooks.example.com/hooks/t/s");
    adapter.verify(request, context); // fails the run at once if the set-up is wrong
  }

  @Benchmark
  public void verify() {
    adapter.verify(request, context);
  }

  private static String hexHmac(String secret, byte[] message) {
    return Signatures.hex(Signatures.hmacSha256(secret, message));
  }

  private static byte[] ed25519(KeyPair keys, byte[] message) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(keys.getPrivate());
    signature.update(message);
    return signature.sign();
  }

  static byte[] payload() throws IOException {
    try (InputStream in = SignatureBenchmark.class.getResourceAsStream("/github-push.json")) {
      return in.readAllBytes();
    }
  }
}
