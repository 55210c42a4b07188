package io.hookyard.common.action;

import java.util.List;
import java.util.Map;

/** A step with its templates rendered: what is sent, or what a preview shows. */
public sealed interface RenderedStep {

  String stepName();

  /** An HTTP request; header names as written, the body as bytes. */
  record Request(
      String stepName, String method, String url, Map<String, String> headers, byte[] body)
      implements RenderedStep {}

  /** An e-mail; at least one of html and text is set; cc is empty when there are no copies. */
  record Mail(
      String stepName, List<String> to, String subject, String html, String text, List<String> cc)
      implements RenderedStep {

    public Mail {
      cc = cc == null ? List.of() : List.copyOf(cc);
    }

    /** An e-mail without copies. */
    public Mail(String stepName, List<String> to, String subject, String html, String text) {
      this(stepName, to, subject, html, text, List.of());
    }
  }
}
