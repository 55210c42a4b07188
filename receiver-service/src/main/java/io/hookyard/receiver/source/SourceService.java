package io.hookyard.receiver.source;

import io.hookyard.common.id.Ids;
import io.hookyard.common.problem.ProblemException;
import io.hookyard.receiver.config.ReceiverConfig;
import io.hookyard.receiver.vendor.VendorAdapters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Creates and reads sources. The token is generated here and returned once. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class SourceService {
  private final SourceRepository sources;
  private final ReceiverConfig config;
  private final VendorAdapters adapters;
  private final Clock clock;

  public SourceService(
      SourceRepository sources, ReceiverConfig config, VendorAdapters adapters, Clock clock) {
    this.sources = sources;
    this.adapters = adapters;
    this.config = config;
    this.clock = clock;
  }

  public SourceView create(String tenant, CreateSourceRequest request) {
    String vendor = request.vendor() == null ? "generic" : request.vendor();
    if (adapters.find(vendor).isEmpty()) {
      throw ProblemException.badRequest(
          "unknown-vendor", "Unknown vendor '" + vendor + "'. Known: " + adapters.vendors() + ".");
    }
    if (sources.findByName(tenant, request.name()).isPresent()) {
      throw ProblemException.conflict(
          "source-exists", "This tenant already has a source named '" + request.name() + "'.");
    }
    String token = SourceTokens.generate();
    Instant now = clock.instant();
    Source source = new Source();
    source.id = Ids.newId(Ids.SOURCE);
    source.tenant = tenant;
    source.name = request.name();
    source.vendor = vendor;
    source.description = request.description();
    source.enabled = true;
    source.tokenHash = SourceTokens.hash(token);
    source.maxBodyBytes =
        request.maxBodyBytes() == null ? config.defaultMaxBodyBytes() : request.maxBodyBytes();
    source.createdAt = now;
    source.updatedAt = now;
    sources.persist(source);
    return SourceView.of(source, urlOf(source), token);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SourceView> list(String tenant) {
    return sources.listByTenant(tenant).stream()
        .map(s -> SourceView.of(s, urlOf(s), null))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public SourceView get(String tenant, String id) {
    return sources
        .findInTenant(tenant, id)
        .map(s -> SourceView.of(s, urlOf(s), null))
        .orElseThrow(() -> ProblemException.notFound("No source '" + id + "' in this tenant."));
  }

  private String urlOf(Source source) {
    return config.publicUrl() + "/hooks/" + source.tenant + "/" + source.name;
  }
}
