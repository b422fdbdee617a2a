#!/usr/bin/env bash
# shellcheck disable=SC2317 # false positives for the functions of the block below (traps, callers)
# Soak: the whole suite (the jars ./run starts) for SOAK_DURATION seconds at SOAK_LOAD_PERCENT of the maximum
# load measured first, through the gateway, with Netty's leak detection at paranoid.
# Expects zero LEAK reports in the logs and resident memory flat after the warm-up.
# Every 10 s: requests/s, p99, errors and each JVM's RSS. Results go to
# bench/results/soak.{json,md,png}.
#
# The suite runs in a network namespace of its own (root needed), so its fixed ports
# never collide with anything else on the machine, and everything stays on its loopback.
#
#   SOAK_DURATION=600 SOAK_WARMUP=120 bench/soak.sh
set -euo pipefail
# One block, read whole before it runs: bash reads a script as it goes, and the checkout may
# change while this runs (the code measured comes from a worktree; this file does not).
{
cd "$(dirname "$0")/.."
DURATION="${SOAK_DURATION:-600}"    # seconds at the steady rate
WARMUP="${SOAK_WARMUP:-120}"        # seconds excluded from the flatness check
PERCENT="${SOAK_LOAD_PERCENT:-50}"
INTERVAL=10
CONNECTIONS="${SOAK_CONNECTIONS:-16}"
GROWTH_LIMIT="${SOAK_RSS_GROWTH_LIMIT_PERCENT:-10}"
NS=appgain-soak
WORK=$(mktemp -d)
for tool in wrk jq gnuplot; do
	command -v $tool >/dev/null || {
		apt-get update -qq && apt-get install -y -qq wrk jq gnuplot-nox >/dev/null
		break
	}
done

in_ns() { ip netns exec "$NS" "$@"; }
cleanup() {
	# the JVMs are this shell's jobs: no "Killed" report for each (bash names the wrong file)
	disown -a 2>/dev/null || true
	for pid in $(ip netns pids "$NS" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
	# a graceful shutdown (server.shutdown) takes up to 20 s per phase; wait for it, bounded
	for _ in $(seq 50); do [ -z "$(ip netns pids "$NS" 2>/dev/null)" ] && break; sleep 0.5; done
	for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
	ip netns del "$NS" 2>/dev/null || true
	remove_tree
	rm -rf "$WORK"
}
trap cleanup EXIT
# HEAD, from a worktree of its own (BENCH_TREE=working: this checkout)
. bench/tree.sh
cleanup_leftovers() { for pid in $(ip netns pids "$NS" 2>/dev/null); do kill -9 "$pid"; done; ip netns del "$NS" 2>/dev/null || true; }
cleanup_leftovers
ip netns add "$NS"
in_ns ip link set lo up

# jvm.options as everywhere, a smaller heap, and leak detection on every JVM; otherwise the
# JIT fully on (unlike ./run), as a long-running deployment would have.
JAVA_OPTS="${SOAK_JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k} -Dio.netty.leakDetection.level=paranoid"
read -r -a JAVA_ARGS <<<"@$TREE/jvm.options $JAVA_OPTS"
JAVA_OPTIONS="$(tree_jvm_options) $JAVA_OPTS" # for the report
OUT="$ROOT/bench/results"
mkdir -p "$OUT"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
LOG_DIR="$WORK/logs"
mkdir -p "$LOG_DIR" "$WORK/data"
export LOG_FORMAT="" REDIS_URL=redis://127.0.0.1:6379 EUREKA_URL=http://127.0.0.1:8761/eureka/
export ADMIN_EMAIL=admin@soak.test ADMIN_PASSWORD=soak-admin-password
export REGISTRY_PASSWORD="${REGISTRY_PASSWORD:-soak-$RANDOM$RANDOM}"
export JWT_JWKS_URI=http://127.0.0.1:8081/api/users/.well-known/jwks.json
export GATEWAY_RATE_LIMIT_REPLENISH_RATE=1000000 GATEWAY_RATE_LIMIT_BURST_CAPACITY=1000000
export STRIPE_API_KEY=sk_test_fake STRIPE_WEBHOOK_SECRET=whsec_soak STRIPE_API_BASE=http://127.0.0.1:9
jar_of() { find "$1/target" -maxdepth 1 -name '*.jar' ! -name '*-plain.jar' | head -1; }
start() { # name, then env assignments and the jar's module
	local name=$1 module=$2; shift 2
	# a session per JVM (setsid): each is scheduled as a process of its own
	env "$@" setsid ip netns exec "$NS" java "${JAVA_ARGS[@]}" -jar "$(jar_of "$module")" >"$LOG_DIR/$name.log" 2>&1 &
}
ready() { in_ns curl -fsS -m 3 -o /dev/null "$1" 2>/dev/null; }
await() { # what url
	until ready "$2"; do
		[ $SECONDS -lt $deadline ] || { echo "$1 not ready in time, see $LOG_DIR"; tail -5 "$LOG_DIR"/*.log; exit 1; }
		sleep 2
	done
}
# SOAK_SKIP_BUILD (with BENCH_TREE=working): run the jars as built
if [ -z "${SOAK_SKIP_BUILD:-}" ] || [ "$TREE" != "$ROOT" ]; then
	./mvnw -B -q -o -DskipTests -pl devstack,registry,gateway,users-service,example-service,payments-service -am package
fi
deadline=$((SECONDS + ${SOAK_START_TIMEOUT:-900}))
start devstack devstack DATA_DIR="$WORK/data"
start registry registry PORT=8761
start users users-service PORT=8081 MONGODB_URI=mongodb://127.0.0.1:27017/users
start examples example-service PORT=8082 MONGODB_URI=mongodb://127.0.0.1:27017/examples
start payments payments-service PORT=8083 MONGODB_URI=mongodb://127.0.0.1:27017/payments
start gateway gateway PORT=8080
for s in users:8081:9081 examples:8082:9082 payments:8083:9083; do
	IFS=: read -r name port management <<<"$s"
	until ready "http://127.0.0.1:$port/actuator/health/readiness" || ready "http://127.0.0.1:$management/readyz"; do
		[ $SECONDS -lt $deadline ] || { echo "$name not ready in time, see $LOG_DIR"; exit 1; }
		sleep 2
	done
done
await "the gateway's routes" http://127.0.0.1:8080/api/users/.well-known/jwks.json
await "the gateway's routes" "http://127.0.0.1:8080/api/examples?limit=1"

G=http://127.0.0.1:8080
# the first calls reach cold JVMs: retried until they answer (a repeated registration is a 409)
retry() { for _ in $(seq 20); do out=$("$@" 2>/dev/null) && [ -n "$out" ] && [ "$out" != null ] && { echo "$out"; return; }; sleep 3; done; echo "gave up: $*" >&2; exit 1; }
register() { in_ns curl -sS -m 60 -o /dev/null -w '%{http_code}' -X POST "$G"/api/users -H 'Content-Type: application/json' \
	-d '{"email":"soak@example.com","password":"soak-password-1","name":"Soak"}' | grep -E '201|409'; }
retry register >/dev/null
login() { in_ns curl -fsS -m 60 -X POST "$G"/api/users/auth/login -H 'Content-Type: application/json' \
	-d '{"email":"soak@example.com","password":"soak-password-1"}' | jq -er .access_token; }
TOKEN=$(retry login)
create() { in_ns curl -fsS -m 60 -X POST "$G"/api/examples -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
	-d '{"name":"soak example","description":"read under a long load"}' | jq -er .example.id; }
ID=$(retry create)

# One request in four to each service: an example by id, the caller, the caller's payments,
# a search (MongoDB); each with the token (verification, revocation, rate limit).
cat >"$WORK/mix.lua" <<LUA
local paths = {"/api/examples/$ID", "/api/users/me", "/api/payments", "/api/examples?search=soak&limit=5"}
local i = 0
local pace = tonumber(os.getenv("PACE_MS") or "0")
wrk.headers["Authorization"] = "Bearer $TOKEN"
request = function()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end
delay = function() return pace end
LUA

wrk_run() { # seconds pace_ms connections -> one JSON line: rps, p99 ms, errors
	in_ns env PACE_MS="$2" wrk -t1 -c"$3" -d"${1}s" --latency -s "$WORK/mix.lua" $G >"$WORK/wrk.txt" || true
	awk '
		/Requests\/sec/ {rps = $2}
		$1 == "99%" {v = $2; if (v ~ /us$/) p = v / 1000; else if (v ~ /ms$/) p = v + 0; else p = v * 1000}
		/Non-2xx/ {e += $NF}
		/Socket errors/ {gsub(",", ""); e += $4 + $6 + $8 + $10}
		END {printf "{\"rps\": %s, \"p99_ms\": %.1f, \"errors\": %d}\n", rps + 0, p + 0, e + 0}' "$WORK/wrk.txt"
}

echo "warming up, then measuring the maximum..."
wrk_run 20 0 "$CONNECTIONS" >/dev/null
MAX=$(wrk_run 30 0 "$CONNECTIONS")
MAX_RPS=$(jq -r .rps <<<"$MAX")
TARGET=$(awk "BEGIN {t = int($MAX_RPS * $PERCENT / 100); printf \"%d\", (t < 1) ? 1 : t}")
# each connection waits PACE_MS before every request: rate ~ connections x 1000 / (pace + latency);
# one connection per 5 requests/s, so that every 10 s window sees requests even at low rates
PACED=$(awk "BEGIN {c = int($TARGET / 5); printf \"%d\", (c < 1) ? 1 : (c > $CONNECTIONS) ? $CONNECTIONS : c}")
PACE=$(awk "BEGIN {p = $PACED * 1000 / $TARGET - 2; printf \"%d\", (p < 0) ? 0 : p}")
echo "maximum $MAX_RPS requests/s; soaking at ~$TARGET/s for $DURATION s"

pid_of() { # the JVM of a module, among this namespace's processes only
	for pid in $(ip netns pids "$NS"); do
		tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-jar $1/target/" && { echo "$pid"; return; }
	done
	echo 0
}
PROCS="gateway users-service example-service payments-service registry"
rss_json() {
	local first=1
	printf '{'
	for p in $PROCS; do
		[ $first = 1 ] || printf ', '
		first=0
		printf '"%s": %s' "$p" "$(awk '/^VmRSS/ {printf "%.1f", $2 / 1024; found = 1} END {if (!found) print "null"}' "/proc/$(pid_of "$p")/status" 2>/dev/null || echo null)"
	done
	printf '}'
}

: >"$WORK/samples.jsonl"
elapsed=0
while [ $elapsed -lt "$DURATION" ]; do
	sample=$(wrk_run $INTERVAL "$PACE" "$PACED")
	elapsed=$((elapsed + INTERVAL))
	jq -c --argjson t $elapsed --argjson rss "$(rss_json)" '. + {t: $t, rss_mib: $rss}' <<<"$sample" \
		| tee -a "$WORK/samples.jsonl"
done

LEAKS=$(cat "$LOG_DIR"/*.log | grep -c "LEAK:" || true)
grep -h -A3 "LEAK:" "$LOG_DIR"/*.log | head -40 >"$WORK/leaks.txt" || true
cp "$WORK/leaks.txt" "$OUT/soak-leaks.txt"
jq -s --argjson warmup "$WARMUP" --argjson max "$MAX" --argjson target "$TARGET" --argjson leaks "$LEAKS" \
	--arg date "$(date -u +%Y-%m-%dT%H:%MZ)" --arg cores "$(nproc)" '{
		date: $date, cores: ($cores | tonumber), duration_s: (last | .t), warmup_s: $warmup,
		max: $max, target_rps: $target,
		requests: (map(.rps * 10) | add | floor), errors: (map(.errors) | add),
		achieved_rps: ((map(.rps) | add) / length * 10 | round / 10),
		p99_ms_worst: (map(.p99_ms) | max), leak_reports: $leaks, samples: .
	}' "$WORK/samples.jsonl" >"$WORK/soak.json"

# growth per process: mean RSS over the second half after warm-up vs the first half
jq '. as $r | ($r.samples | map(select(.t > $r.warmup_s))) as $a | ($a | length) as $n
	| ($a[: ($n / 2 | floor)]) as $e | ($a[($n / 2 | floor):]) as $l
	| .rss_growth_percent = ($r.samples[0].rss_mib | keys | map(. as $k | {key: $k, value:
		(((($l | map(.rss_mib[$k]) | add) / ($l | length)) / (($e | map(.rss_mib[$k]) | add) / ($e | length)) - 1) * 1000
		| round / 10)}) | from_entries)
	| .rss_flat = (.rss_growth_percent | to_entries | all(.value <= '"$GROWTH_LIMIT"'))' \
	"$WORK/soak.json" >"$OUT/soak.json"

jq -r '.samples[] | [.t, .p99_ms, .rps, .rss_mib.gateway, .rss_mib["users-service"], .rss_mib["example-service"],
	.rss_mib["payments-service"], .rss_mib.registry] | @tsv' "$OUT/soak.json" >"$WORK/plot.tsv"
gnuplot <<GP
set terminal pngcairo size 1000,500 noenhanced
set output "$OUT/soak.png"
set title "Soak: RSS per JVM and p99 every ${INTERVAL} s (${PERCENT}% of max, leak detection paranoid)"
set xlabel "seconds"
set ylabel "RSS (MiB)"
set y2label "p99 (ms)"
set y2tics
set ytics nomirror
set key outside right
set grid
plot "$WORK/plot.tsv" using 1:4 with lines title "gateway", \
	"" using 1:5 with lines title "users", \
	"" using 1:6 with lines title "examples", \
	"" using 1:7 with lines title "payments", \
	"" using 1:8 with lines title "registry", \
	"" using 1:2 axes x1y2 with linespoints title "p99 (ms)"
GP

jq -r '"# Soak — \(.date)\n",
	"Machine: \(.cores) cores shared with other work. JVM flags: '"$JAVA_OPTIONS"'. Code: '"$CODE"'.",
	"Load: wrk, \(.max.rps) requests/s measured at most (p99 \(.max.p99_ms) ms); soak at \(.target_rps)/s ('"$PERCENT"'%; achieved \(.achieved_rps)/s on average), ",
	"a mix of GET example by id, /api/users/me, /api/payments and a search, all with a token, through the gateway.\n",
	"| figure | value |", "|---|---|",
	"| duration | \(.duration_s) s (warm-up \(.warmup_s) s) |",
	"| requests | \(.requests) |", "| errors (non-2xx, socket) | \(.errors) |",
	"| worst p99 per 10 s | \(.p99_ms_worst) ms |",
	"| Netty LEAK reports | \(.leak_reports) |",
	"| RSS flat after warm-up (growth <= '"$GROWTH_LIMIT"'%) | \(.rss_flat) |",
	"",
	"RSS growth after warm-up, mean of the second half over the first: \(.rss_growth_percent | to_entries | map("\(.key) \(.value)%") | join(", ")).",
	"",
	"![RSS and p99 over time](soak.png)",
	"",
	"| t (s) | requests/s | p99 (ms) | errors | gateway | users | examples | payments | registry (MiB) |",
	"|---|---|---|---|---|---|---|---|---|",
	(.samples[] | "| \(.t) | \(.rps) | \(.p99_ms) | \(.errors) | \(.rss_mib.gateway) | \(.rss_mib["users-service"]) | \(.rss_mib["example-service"]) | \(.rss_mib["payments-service"]) | \(.rss_mib.registry) |")' \
	"$OUT/soak.json" >"$OUT/soak.md"
[ "$LEAKS" = 0 ] || { echo; echo "LEAK reports (first lines, also in $OUT/soak-leaks.txt):"; cat "$WORK/leaks.txt"; }
head -16 "$OUT/soak.md"
}; exit
