-- The baseline for ScoreQueryBenchmark: plain GETs of one static file; prints one parseable line.
function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("KAOWU requests=%d seconds=%.3f bytes=%d http_errors=%d socket_errors=%d p50_ms=%.1f"
            .. " p99_ms=%.1f max_ms=%.1f\n", summary.requests, summary.duration / 1e6, summary.bytes, e.status,
        e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000))
end
