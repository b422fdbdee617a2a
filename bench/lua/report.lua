-- Shared by the bench's wrk scripts: prints one line of JSON that bench/measure.py reads.
-- Optional env RATE (total requests/s over CONNECTIONS connections): a fixed-rate mode in
-- which each connection waits between its requests so that all of them add up to RATE.
local rate, connections = tonumber(os.getenv("RATE") or ""), tonumber(os.getenv("CONNECTIONS") or "1")
if rate then
	local gap = 1000 * connections / rate
	function delay() return gap end
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
