#!/usr/bin/env bash
# shellcheck disable=SC2317 # false positives for the functions of the block below (traps, callers)
# The performance harness (issue 11): starts the whole suite with ./run (every feature on)
# and its peers from bench/peers/ against one store seeded with EXAMPLES examples, drives
# wrk over every target in alternating rounds (bench/measure.py) and writes results.json,
# results.md and results.png into bench/results/<date>/, with the suite's WARN and ERROR
# log lines (warnings.log) when there were any. Everything listens on loopback; the ports
# it serves on come from 20000-31999 (management ports are ./run's). Settings (environment):
#   ROUND_SECONDS (10) ROUNDS (3) CONNECTIONS (32) EXAMPLES (10000) RATES ("0.5 0.7") COLD_STARTS (3)
#   BENCH_JAVA_OPTS ("-Xms64m -Xmx384m", the full JIT, after jvm.options as in ./run, for the peers
#   too; MALLOC_ARENA_MAX=2 as in ./run) BENCH_JAVA_HOME (JDK; 25 where present) BENCH_TREE (head: HEAD in a worktree;
#   working: this checkout as it is)
# Each target is first warmed up until its throughput settles (bench/measure.py: three
# rounds each within 5% of the one before, at most 8), so the figures are those of compiled
# code on every JVM.
# A quick run: ROUND_SECONDS=4 ROUNDS=1 bench/run.sh
set -euo pipefail
# One block, read whole before it runs: bash reads a script as it goes, and the checkout may
# change while this runs (the code measured comes from a worktree; this file does not).
{
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUND_SECONDS="${ROUND_SECONDS:-10}" ROUNDS="${ROUNDS:-3}" CONNECTIONS="${CONNECTIONS:-32}" COLD_STARTS="${COLD_STARTS:-3}"
EXAMPLES="${EXAMPLES:-10000}" RATES="${RATES:-0.5 0.7}"
# ./run starts every JVM of the suite with jvm.options and then these, the full JIT (as the
# Docker image); the peers get the same
export JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms64m -Xmx384m}"
# as ./run sets it, for the peers too
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# the store every target reads, not a measured process (measure.py deletes what each create
# round wrote)
export DEVSTACK_JAVA_OPTS="${DEVSTACK_JAVA_OPTS:--XX:+UseSerialGC -Xms64m -Xmx1536m}"
OUT="$ROOT/bench/results/$(date -u +%Y-%m-%dT%H%MZ)"
WORK=$(mktemp -d /tmp/bench.XXXXXX)
say() { printf 'bench: %s\n' "$*"; }
PIDS=()
cleanup() {
	for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill "${PIDS[$i]}" 2>/dev/null || true; done
	for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
	[ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
	remove_tree
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# HEAD, from a worktree of its own (BENCH_TREE=working: this checkout)
. bench/tree.sh

missing=()
for tool in wrk:wrk nginx:nginx-light gunicorn:gunicorn gnuplot:gnuplot-nox jq:jq; do
	command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
/usr/bin/python3 -c 'import flask, pymongo' 2>/dev/null || missing+=(python3-flask python3-pymongo)
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]}"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

read -r -a JAVA_ARGS <<<"@$TREE/jvm.options $JAVA_OPTS"
# the options every JVM ran with, for the results
JAVA_OPTIONS="$(tree_jvm_options) $JAVA_OPTS"

say "building the suite and the peers"
./mvnw -B -q -DskipTests -pl devstack,registry,gateway,users-service,example-service,payments-service -am \
	package >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
for peer in bare-handler bare-gateway; do
	./mvnw -B -q -DskipTests -f "bench/peers/$peer/pom.xml" package >>"$WORK/build.log" 2>&1 \
		|| { tail -30 "$WORK/build.log"; exit 1; }
done

# Every JVM, the suite's (./run, with its AOT caches) and the peers', runs on one JDK: 25
# where present (the build above used the default one).
BENCH_JAVA_HOME="${BENCH_JAVA_HOME:-$(find /usr/lib/jvm -maxdepth 1 -name '*-25*' -type d 2>/dev/null | sort | head -1)}"
if [ -n "$BENCH_JAVA_HOME" ]; then
	export JAVA_HOME="$BENCH_JAVA_HOME" PATH="$BENCH_JAVA_HOME/bin:$PATH" RUN_JAVA_HOME="$BENCH_JAVA_HOME"
fi

# N distinct ports free now, from 20000-31999 as devstack's Ports.freePort picks them:
# below Linux's ephemeral range, so no outgoing connection takes one before its server binds
free_ports() {
	/usr/bin/python3 - "$1" <<'PY'
import random, socket, sys
wanted, first, size = int(sys.argv[1]), 20000, 12000
start, ports = random.randrange(size), []
for i in range(size):
    port = first + (start + i) % size
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
    ports.append(port)
    if len(ports) == wanted:
        break
print(*ports)
PY
}
read -r GATEWAY_PORT REGISTRY_PORT MONGO_PORT REDIS_PORT USERS_PORT EXAMPLES_PORT PAYMENTS_PORT \
	BARE_PORT BARE_GATEWAY_PORT NGINX_PORT FLASK_PORT NO_CACHE_PORT NO_CACHE_MANAGEMENT_PORT <<<"$(free_ports 13)"
[ -n "$NO_CACHE_MANAGEMENT_PORT" ] || { say "no 13 free ports in 20000-31999"; exit 1; }
export GATEWAY_PORT REGISTRY_PORT MONGO_PORT REDIS_PORT USERS_PORT EXAMPLES_PORT PAYMENTS_PORT
export DATA_DIR="$WORK/data" LOG_DIR="$WORK/logs" LOG_FORMAT="${LOG_FORMAT:-ecs}"
export JWT_JWKS_URI="http://127.0.0.1:$USERS_PORT/api/users/.well-known/jwks.json"
export REGISTRY_PASSWORD="${REGISTRY_PASSWORD:-bench-registry-password}"
# one token serves every round: with the settled warm-up a run outlasts the default 15 min
# (run 2026-12-02T1434Z: the last create round got 401s)
export JWT_ACCESS_TOKEN_TTL="${JWT_ACCESS_TOKEN_TTL:-3h}"
# generous, so that the rate limiter runs (its Redis call) on every request but never refuses
export GATEWAY_RATE_LIMIT_REPLENISH_RATE=1000000 GATEWAY_RATE_LIMIT_BURST_CAPACITY=1000000
MONGO="mongodb://127.0.0.1:$MONGO_PORT"

start_suite() { # sets RUN_PID and UP_S (./run's "is up" seconds)
	./run >"$WORK/run.out" 2>&1 &
	RUN_PID=$!
	PIDS+=("$RUN_PID")
	until grep -q "is up" "$WORK/run.out"; do
		kill -0 $RUN_PID 2>/dev/null || { cat "$WORK/run.out"; tail -n 40 "$LOG_DIR"/*.log; exit 1; }
		sleep 0.5
	done
	UP_S=$(sed -n 's/.*is up (\([0-9]*\) s).*/\1/p' "$WORK/run.out")
}
say "starting the suite (./run, $JAVA_OPTIONS)"
start_suite
FIRST_START=$UP_S
# The cold start is that of a suite whose start-up caches exist, as in a deployment (made
# once per image). The start right after making them is reported too: it was slower (39 s
# against 30 s for the next start, one measured pair). Starts of one suite with the same
# caches spread over 16-22 s on this machine (docs/performance.md, The compilers at a cold
# start), so the target is checked on the median of COLD_STARTS of them, all reported.
say "suite up in $FIRST_START s after its start-up caches were made; stopping it to measure $COLD_STARTS cold starts"
COLD_STARTS_S=()
for ((i = 1; i <= COLD_STARTS; i++)); do
	kill "$RUN_PID"
	wait "$RUN_PID" 2>/dev/null || true
	start_suite
	COLD_STARTS_S+=("$UP_S")
	say "suite up in $UP_S s"
done
COLD_START=$(printf '%s\n' "${COLD_STARTS_S[@]}" | sort -n | sed -n "$(((COLD_STARTS + 1) / 2))p")
COLD_STARTS_JSON=$(printf '%s\n' "${COLD_STARTS_S[@]}" | jq -s -c .)
suite_pid() { # module -> pid of the java process run started from its jar (./run gives relative paths)
	for pid in $(pgrep -P $RUN_PID); do
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qE "(^| |$TREE/)$1/target/" && echo "$pid"
	done | head -1
}

say "seeding $EXAMPLES examples"
/usr/bin/python3 bench/seed.py "$MONGO/examples" "$EXAMPLES" "$WORK/ids.txt"
FIRST_ID=$(head -1 "$WORK/ids.txt")

say "starting the peers"
PORT=$BARE_PORT MONGODB_URI="$MONGO/examples" java "${JAVA_ARGS[@]}" -jar bench/peers/bare-handler/target/bare-handler.jar \
	>"$LOG_DIR/bare-handler.log" 2>&1 &
PIDS+=($!) BARE_PID=$!
PORT=$BARE_GATEWAY_PORT UPSTREAM="http://127.0.0.1:$BARE_PORT" java "${JAVA_ARGS[@]}" \
	-jar bench/peers/bare-gateway/target/bare-gateway.jar >"$LOG_DIR/bare-gateway.log" 2>&1 &
PIDS+=($!) BARE_GATEWAY_PID=$!
# a second example-service, outside the registry, reading MongoDB without the Redis cache.
# It runs the suite's command line (its options and start-up cache), so the two differ in
# the cache alone: started from the plain jar it was still compiling when measured (run
# 2026-12-06T1334Z: 5,062 requests/s, its warm-up stopped on a plateau; 6,305 from the
# suite's command line in 1602Z; docs/performance.md, The Redis cache of examples).
mapfile -d '' -t EXAMPLES_COMMAND <"/proc/$(suite_pid example-service)/cmdline"
PORT=$NO_CACHE_PORT MANAGEMENT_PORT=$NO_CACHE_MANAGEMENT_PORT MONGODB_URI="$MONGO/examples" EUREKA_CLIENT_ENABLED=false \
	APPGAIN_EXAMPLES_CACHE_ENABLED=false "${EXAMPLES_COMMAND[@]}" >"$LOG_DIR/example-service-no-cache.log" 2>&1 &
PIDS+=($!) NO_CACHE_PID=$!
MONGODB_URI="$MONGO/examples" /usr/bin/python3 /usr/bin/gunicorn --chdir bench/peers/flask -w 5 \
	-b "127.0.0.1:$FLASK_PORT" --log-level warning app:app >"$LOG_DIR/flask.log" 2>&1 &
PIDS+=($!) FLASK_PID=$!
sed -e "s|@WORK@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|" -e "s|@UPSTREAM_PORT@|$EXAMPLES_PORT|" \
	bench/peers/nginx/nginx.conf.template >"$WORK/nginx.conf"
nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' >"$LOG_DIR/nginx.log" 2>&1 &
PIDS+=($!) NGINX_PID=$!
for port in $BARE_PORT $BARE_GATEWAY_PORT $FLASK_PORT $NGINX_PORT $GATEWAY_PORT $NO_CACHE_PORT; do
	for _ in $(seq 240); do
		curl -fs -o /dev/null "http://127.0.0.1:$port/api/examples/$FIRST_ID" && break
		sleep 0.5
	done
	curl -fs -o /dev/null "http://127.0.0.1:$port/api/examples/$FIRST_ID" || { say "port $port never answered"; exit 1; }
done

G="http://127.0.0.1:$GATEWAY_PORT"
curl -fsS -X POST "$G/api/users" -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"bench-password-1","name":"Bench"}' >/dev/null
TOKEN=$(curl -fsS -X POST "$G/api/users/auth/login" -H 'Content-Type: application/json' \
	-d '{"email":"bench@example.com","password":"bench-password-1"}' | jq -r .access_token)

pids_json() { # name pid... -> "name": [pids]
	local name=$1; shift
	printf '"%s": [%s]' "$name" "$(echo "$@" | tr ' ' ',')"
}
PROCESSES=$(
	printf '{'
	for m in gateway example-service users-service payments-service registry devstack; do
		pid=$(suite_pid $m)
		[ -n "$pid" ] && printf '%s, ' "$(pids_json $m "$pid")"
	done
	redis=$(pgrep -f "redis-server.*:$REDIS_PORT" | head -1)
	[ -n "$redis" ] && printf '%s, ' "$(pids_json "redis-server" "$redis")"
	printf '%s, ' "$(pids_json "bare handler" $BARE_PID)" "$(pids_json "bare gateway" $BARE_GATEWAY_PID)"
	printf '%s, ' "$(pids_json "example-service, no cache" $NO_CACHE_PID)"
	printf '%s, ' "$(pids_json "flask (gunicorn, all workers)" $FLASK_PID $(pgrep -P $FLASK_PID))"
	printf '%s}' "$(pids_json "nginx (master and worker)" $NGINX_PID $(pgrep -P $NGINX_PID))"
)

E="http://127.0.0.1:$EXAMPLES_PORT"
for url in "$E" "$G"; do # the create targets are only worth measuring if a create works
	status=$(curl -sS -o "$WORK/create.json" -w '%{http_code}' -X POST "$url/api/examples" \
		-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
		-d '{"name":"bench created","description":"written under load by the bench"}')
	[ "$status" = 201 ] || say "warning: a create at $url answered $status: $(head -c 300 "$WORK/create.json")"
done
# the create targets warm up for at most 2 rounds: each round adds documents to the store
target() { printf '{"name": "%s", "url": "%s", "script": "%s", "token": %s, "group": "%s", "warm_max_rounds": %s}' \
	"$@" "$([ "$3" = create.lua ] && echo 2 || echo 8)"; }
TARGETS=$(
	printf '['
	target "flask" "http://127.0.0.1:$FLASK_PORT" by-id.lua false by-id; printf ','
	target "bare handler" "http://127.0.0.1:$BARE_PORT" by-id.lua false by-id; printf ','
	target "bare gateway -> bare handler" "http://127.0.0.1:$BARE_GATEWAY_PORT" by-id.lua false by-id; printf ','
	target "example-service direct" "$E" by-id.lua false by-id; printf ','
	target "example-service direct, no cache" "http://127.0.0.1:$NO_CACHE_PORT" by-id.lua false by-id; printf ','
	target "nginx -> example-service" "http://127.0.0.1:$NGINX_PORT" by-id.lua false by-id; printf ','
	target "gateway -> example-service, anonymous" "$G" by-id.lua false by-id; printf ','
	target "gateway -> example-service, token" "$G" by-id.lua true by-id; printf ','
	target "search, direct" "$E" search.lua false extra; printf ','
	target "search, gateway" "$G" search.lua false extra; printf ','
	target "create (token), direct" "$E" create.lua true extra; printf ','
	target "create (token), gateway" "$G" create.lua true extra
	printf ']'
)
RATES_JSON=$(echo "$RATES" | jq -R -c 'split(" ") | map(tonumber)')
MACHINE="Machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), \
load average at start $(cut -d' ' -f1-3 /proc/loadavg) (other work shares the cores)."
jq -n --arg out "$OUT" --arg lua "$TREE/bench/lua" --arg ids "$WORK/ids.txt" --arg token "$TOKEN" --arg store "$MONGO/examples" \
	--argjson connections "$CONNECTIONS" --argjson seconds "$ROUND_SECONDS" --argjson rounds "$ROUNDS" \
	--argjson rates "$RATES_JSON" --argjson cold "${COLD_START:-null}" --argjson colds "${COLD_STARTS_JSON:-[]}" \
	--argjson first "${FIRST_START:-null}" --argjson pids "$PROCESSES" --argjson targets "$TARGETS" --arg machine "$MACHINE" --arg java "$JAVA_OPTIONS" --arg code "$CODE" \
	'{out: $out, lua: $lua, ids_file: $ids, token: $token, store: $store, connections: $connections,
	  round_seconds: $seconds, rounds: $rounds, rates: $rates, cold_start_s: $cold, cold_starts_s: $colds,
	  first_start_s: $first,
	  pids: $pids, targets: $targets, machine: $machine, java_opts: $java, code: $code}' >"$WORK/setup.json"

say "measuring: $ROUNDS rounds of $ROUND_SECONDS s per target once every target has settled"
# in the background: bash runs the INT/TERM trap (and cleanup) only once a foreground
# command ends, which would leave the suite and the peers running for the whole measurement
/usr/bin/python3 bench/measure.py "$WORK/setup.json" &
PIDS+=($!)
wait $!
# the suite's warnings and errors, kept to explain a failed answer after $WORK is gone
(cd "$LOG_DIR" && grep -HE '"level":"(WARN|ERROR)"| (WARN|ERROR) ' ./*.log) >"$OUT/warnings.log" || rm -f "$OUT/warnings.log"
say "results in ${OUT#"$ROOT"/}/"
}; exit
