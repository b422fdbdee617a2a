-- Shared by the bench's wrk scripts: prints one line of JSON that bench/measure.py reads.
-- Optional env RATE (requests/s of one wrk thread; the bench runs one): a fixed-rate mode.
-- The sends are a Poisson process at RATE: each connection, when its answer is in, waits
-- for the next free arrival time. A fixed gap after each answer instead kept the
-- connections in step, so they all sent at once: bursts of as many requests as
-- connections, which measured how fast a server drains a burst rather than its latency at
-- that rate (2026-12-06, docs/performance.md, Event loops).
local rate = tonumber(os.getenv("RATE") or "")
if rate then
	local ffi = require("ffi")
	ffi.cdef([[
		typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
		int clock_gettime(int clock, bench_timespec *now);
	]])
	local clock, mean_gap, next_send = ffi.new("bench_timespec"), 1000 / rate, 0
	local function now_ms()
		ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
		return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
	end
	function delay()
		local now = now_ms()
		-- no catching up: an arrival no connection was free for is dropped, not sent later in a burst
		next_send = math.max(next_send, now) - mean_gap * math.log(1 - math.random())
		return math.floor(next_send - now)
	end
end

function bearer(headers)
	local token = os.getenv("TOKEN")
	if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
end

function done(summary, latency, requests)
	local e = summary.errors
	io.write(string.format(
		'BENCH {"requests":%d,"duration_us":%d,"non_2xx":%d,"socket_errors":%d,'
			.. '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
		summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
		latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
