package io.hookyard.receiver.requestlog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RequestLogRepository implements PanacheRepositoryBase<RequestLogEntry, String> {}
