package io.hookyard.receiver.ingest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads accepted events; they are written by the {@link GroupCommitter}. */
@ApplicationScoped
public class StoredEventRepository implements PanacheRepositoryBase<StoredEvent, String> {}
