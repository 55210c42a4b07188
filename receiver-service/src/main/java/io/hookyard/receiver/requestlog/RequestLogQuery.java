package io.hookyard.receiver.requestlog;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;

/** The request log's search filters, as query parameters. Every filter is optional. */
public class RequestLogQuery {
  @QueryParam("sourceId")
  public String sourceId;

  @QueryParam("verdict")
  public RequestLogEntry.Verdict verdict;

  @QueryParam("since")
  public Instant since;

  @QueryParam("until")
  public Instant until;

  @QueryParam("cursor")
  public String cursor;

  @QueryParam("limit")
  public Integer limit;
}
