package io.hookyard.receiver.vendor;

import io.hookyard.receiver.source.Source;

/**
 * One vendor's dialect: how it proves who it is, and how to read the envelope facts out of its
 * requests. Adding a vendor means adding one implementation (a CDI bean) and its test.
 */
public interface VendorAdapter {

  /** The vendor's name as sources store it, such as {@code generic} or {@code github}. */
  String vendor();

  /**
   * Checks that the request really comes from the vendor, on the raw bytes and in constant time.
   *
   * @throws io.hookyard.common.problem.ProblemException 401 when it does not
   */
  void verify(Source source, IncomingRequest request);

  /**
   * Reads the event type, subject and delivery id of a verified request.
   *
   * @throws io.hookyard.common.problem.ProblemException 4xx when the body is not what the vendor
   *     sends
   */
  EventFacts read(IncomingRequest request);
}
