#!/usr/bin/env bash
# Measures the suite against DESIGN.md's budget on this machine: cold start to the first
# routed request, GET one example by id directly vs through the gateway (with every
# filter on: token check, rate limit, request id, circuit breaker), and resident memory
# per process under load. Results go to bench/results/gateway-overhead.md.
# Load comes from wrk (Debian package, installed when missing); everything is loopback.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${DURATION:-20s}" WARMUP="${WARMUP:-20s}" CONNECTIONS="${CONNECTIONS:-32}" THREADS="${THREADS:-2}"
OUT=bench/results/gateway-overhead.md
WORK=$(mktemp -d)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || apt-get install -y -qq jq >/dev/null

# Benchmark with the JIT fully on (./run's default favours start-up time).
export JAVA_OPTS="${BENCH_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx160m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:MaxDirectMemorySize=64m}"
export DATA_DIR="$WORK/data" LOG_DIR="$WORK/logs"
# generous limit so the rate limiter is exercised (one Redis call) but never rejects
export GATEWAY_RATE_LIMIT_REPLENISH_RATE=1000000 GATEWAY_RATE_LIMIT_BURST_CAPACITY=1000000
./run >"$WORK/run.out" 2>&1 &
RUN_PID=$!
trap 'kill $RUN_PID 2>/dev/null; wait $RUN_PID 2>/dev/null; rm -rf "$WORK"' EXIT
until grep -q "is up" "$WORK/run.out"; do
	kill -0 $RUN_PID 2>/dev/null || { cat "$WORK/run.out"; exit 1; }
	sleep 1
done
COLD_START=$(sed -n 's/.*is up (\([0-9]*\) s).*/\1/p' "$WORK/run.out")

G=http://127.0.0.1:8080 E=http://127.0.0.1:8082
curl -fsS -X POST $G/api/users -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"bench-password-1","name":"Bench"}' >/dev/null
TOKEN=$(curl -fsS -X POST $G/api/users/auth/login -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"bench-password-1"}' | jq -r .access_token)
ID=$(curl -fsS -X POST $G/api/examples -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"name":"bench example","description":"an example to read under load"}' | jq -r .example.id)

rps() { # url [header]
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" ${2:+-H "$2"} "$1" >/dev/null # warm-up
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency ${2:+-H "$2"} "$1" >"$WORK/wrk.txt"
	awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt"
}
p99() { awk '$1 == "99%" {print $2}' "$WORK/wrk.txt"; }

DIRECT=$(rps "$E/api/examples/$ID"); DIRECT_P99=$(p99)
VIA=$(rps "$G/api/examples/$ID"); VIA_P99=$(p99)
VIA_TOKEN=$(rps "$G/api/examples/$ID" "Authorization: Bearer $TOKEN"); VIA_TOKEN_P99=$(p99)

rss() { ps -o rss= -p "$(pgrep -f "$1" | head -1)" | awk '{printf "%.0f", $1/1024}'; }
{
	echo "# Gateway overhead — $(date -u +%Y-%m-%dT%H:%MZ)"
	echo
	echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1)."
	echo "Load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION after a $WARMUP warm-up, GET one example by id, loopback."
	echo "JVMs: $JAVA_OPTS. Load generator, services, MongoDB and Redis share the 2 cores."
	echo
	echo "| path | requests/s | p99 | ratio to direct |"
	echo "|---|---|---|---|"
	echo "| direct to example-service | $DIRECT | $DIRECT_P99 | 1.00 |"
	echo "| through the gateway, anonymous | $VIA | $VIA_P99 | $(awk "BEGIN {printf \"%.2f\", $VIA / $DIRECT}") |"
	echo "| through the gateway, with a token | $VIA_TOKEN | $VIA_TOKEN_P99 | $(awk "BEGIN {printf \"%.2f\", $VIA_TOKEN / $DIRECT}") |"
	echo
	echo "Budget: through the gateway with every filter on >= 0.70 of direct."
	echo
	echo "Cold start of the whole suite to the first routed request (./run, JIT flags above): ${COLD_START} s (budget 30 s)."
	echo
	echo "Resident memory after the load (budget 300 MiB each):"
	echo
	for p in gateway example-service users-service registry; do echo "- $p: $(rss "$p/target") MiB"; done
} >"$OUT"
cat "$OUT"
