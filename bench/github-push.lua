-- wrk script for the durable-ingest benchmark: signed GitHub-style pushes of about 1.5 KB.
-- The body and its signature are fixed (computed by ingest.sh); every request carries a new
-- X-GitHub-Delivery id, so none is a duplicate.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  body = args[1]
  signature = args[2]
  prefix = string.format("bench-%d-%d-", os.time(), id)
end

function request()
  counter = counter + 1
  local headers = {}
  headers["Content-Type"] = "application/json"
  headers["X-GitHub-Event"] = "push"
  headers["X-Hub-Signature-256"] = signature
  headers["X-GitHub-Delivery"] = prefix .. counter
  return wrk.format("POST", nil, headers, body)
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("WRK_RESULT") or "/dev/stdout", "w")
  out:write(string.format(
    '{"requests":%d,"durationSeconds":%.3f,"throughput":%.1f,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latencyMillis":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f,"mean":%.3f}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
  out:close()
end
