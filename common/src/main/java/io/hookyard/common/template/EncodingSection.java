package io.hookyard.common.template;

import io.quarkus.qute.ResultNode;
import io.quarkus.qute.SectionHelper;
import io.quarkus.qute.SectionHelperFactory;
import io.quarkus.qute.SingleResultNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A section that renders its block and encodes the text as a whole: {@code {#base64}…{/base64}} (a
 * rendered plist for an MDM command) and {@code {#json}…{/json}} (several lines of text as one JSON
 * string, quotes included).
 */
final class EncodingSection implements SectionHelperFactory<SectionHelper> {
  private final String name;
  private final UnaryOperator<String> encoding;

  private EncodingSection(String name, UnaryOperator<String> encoding) {
    this.name = name;
    this.encoding = encoding;
  }

  static List<EncodingSection> all() {
    return List.of(
        new EncodingSection(
            "base64",
            text -> Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))),
        new EncodingSection("json", TemplateHelpers::json));
  }

  String name() {
    return name;
  }

  @Override
  public List<String> getDefaultAliases() {
    return List.of(name);
  }

  @Override
  public SectionHelper initialize(SectionInitContext context) {
    return resolution ->
        resolution.execute().thenApply(block -> (ResultNode) new SingleResultNode(encode(block)));
  }

  private String encode(ResultNode block) {
    StringBuilder text = new StringBuilder();
    block.process(text::append);
    return encoding.apply(text.toString());
  }
}
