-- wrk script used by bench/http-bench.sh: prints one machine-readable line at the end of a run.
--
--   RESULT rps=... requests=... duration_s=... p50_ms=... p90_ms=... p95_ms=... p99_ms=... mean_ms=... max_ms=...
--          non2xx=... non2xx_mode=... sock_errors=... timeouts=...
--
-- Latencies come from wrk's own histogram (the one behind `wrk --latency`), microseconds -> ms.
-- Requests/s is wrk's own figure: completed requests / run time.
--
-- Non-2xx counting (env BENCH_NON2XX):
--   "hook"   (default) a response() hook counts every status outside 200-299 per thread; done() sums
--            the threads. Defining response() makes wrk hand each response to Lua, a few % slower.
--   "summary" no hook; uses wrk's summary.errors.status, which counts only status >= 400
--            (3xx and 1xx are NOT counted). Cheapest.

local mode = os.getenv("BENCH_NON2XX") or "hook"
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

if mode == "hook" then
   function init(args)
      non2xx = 0
   end

   function response(status, headers, body)
      if status < 200 or status > 299 then
         non2xx = non2xx + 1
      end
   end
end

function done(summary, latency, requests)
   local non2xx_total = 0
   if mode == "hook" then
      for _, t in ipairs(threads) do
         non2xx_total = non2xx_total + (t:get("non2xx") or 0)
      end
   else
      non2xx_total = summary.errors.status
   end
   local e = summary.errors
   local seconds = summary.duration / 1e6
   local rps = 0
   if seconds > 0 then rps = summary.requests / seconds end
   io.write(string.format(
      "RESULT rps=%.2f requests=%d duration_s=%.3f p50_ms=%.3f p90_ms=%.3f p95_ms=%.3f p99_ms=%.3f mean_ms=%.3f max_ms=%.3f"
         .. " non2xx=%d non2xx_mode=%s sock_errors=%d timeouts=%d\n",
      rps, summary.requests, seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000,
      latency.mean / 1000, latency.max / 1000,
      non2xx_total, mode, e.connect + e.read + e.write, e.timeout))
end
