-- wrk script for bench/load-bench.sh: POSTs the VWO webhook payload as VWO sends it (JSON body,
-- x-vwo-auth) and prints one machine-readable line when done. The payload and key come from
-- BENCH_PAYLOAD_FILE and BENCH_KEY, so wrk and load-driver send the same bytes.
local path = assert(os.getenv("BENCH_PAYLOAD_FILE"), "BENCH_PAYLOAD_FILE is not set")
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-vwo-auth"] = os.getenv("BENCH_KEY") or ""

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d non2xx=%d errors=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
