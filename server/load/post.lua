-- wrk script for the load runs of jwtmint serve (compare.sh, scripts/suites/serve.sh): POST
-- the same Video SDK token request again and again, and at the end print one JSON line with
-- the requests, requests per second, latency percentiles (microseconds) and every kind of
-- error wrk counts (status: answers other than 2xx and 3xx).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"sessionName":"load-test","role":1,"userIdentity":"user-1","geoRegions":"US,DE"}'

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"rps":%.1f,"p50_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
