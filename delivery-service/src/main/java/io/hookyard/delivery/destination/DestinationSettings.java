package io.hookyard.delivery.destination;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the workers need to know about a destination to send to it, read once and cached: where and
 * how to send, which answers count as success, its own retry waits (null for the default), and the
 * keys that sign its requests (newest first), and the credential applied to every request (or
 * null).
 */
public record DestinationSettings(
    String id,
    String tenant,
    String url,
    String method,
    Map<String, String> headers,
    Duration timeout,
    SuccessCodes successCodes,
    List<Duration> retryWaits,
    Integer rateLimit,
    Integer maxConcurrency,
    boolean fifo,
    List<byte[]> signingKeys,
    String credentialId) {}
