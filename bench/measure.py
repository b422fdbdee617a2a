"""Drives wrk over the targets that bench/run.sh started, in alternating rounds, and writes
results.json, results.md and results.png into the output folder. Usage: measure.py SETUP.json

SETUP.json (written by run.sh): out, lua, ids_file, token, connections, round_seconds,
rounds, rates, cold_start_s (the median of cold_starts_s), first_start_s, store (the examples' MongoDB URI), pids {process: [pid...]} (their RSS is read before and after the load),
targets [{name, url, script, token, group}] where group "by-id" targets also get the
fixed-rate runs."""
import json
import os
import statistics
import subprocess
import sys
from datetime import datetime, timezone


def wrk(setup, target, seconds, rate=None):
    env = dict(os.environ, BENCH_LUA=setup["lua"], IDS_FILE=setup["ids_file"],
               TOKEN=setup["token"] if target.get("token") else "")
    if rate:
        env["RATE"] = str(rate)
    out = subprocess.run(["wrk", "-t1", f"-c{setup['connections']}", f"-d{seconds}s", "--timeout", "10s",
                          "-s", os.path.join(setup["lua"], target["script"]), target["url"]],
                         env=env, capture_output=True, text=True, timeout=seconds + 60)
    line = next((l for l in out.stdout.splitlines() if l.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result for {target['name']}: {out.stdout} {out.stderr}")
    raw = json.loads(line[6:])
    return {"rps": raw["requests"] / (raw["duration_us"] / 1e6), "p50_ms": raw["p50_us"] / 1000,
            "p90_ms": raw["p90_us"] / 1000, "p99_ms": raw["p99_us"] / 1000, "max_ms": raw["max_us"] / 1000,
            "requests": raw["requests"], "non_2xx": raw["non_2xx"], "socket_errors": raw["socket_errors"]}


def forget_creates(setup, target):
    """Deletes what a create round wrote, so every target reads the seeded store: the creates
    of a run added tens of thousands of documents, which slowed every later search and filled
    the store's heap (run 2026-12-04T0730Z: 1,466 MiB of 1,536, and the reads after the
    measured rounds stalled for seconds)."""
    if target["script"] != "create.lua" or not setup.get("store"):
        return
    from pymongo import MongoClient
    with MongoClient(setup["store"]) as client:
        client.get_default_database("examples")["examples"].delete_many({"name": "bench created"})


def rss_mib(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/status") as status:
                total += next(int(l.split()[1]) for l in status if l.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return round(total / 1024)


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total


def cpu_per_request(setup, before, after, requests):
    """CPU ms per request of each process that worked for the target (>= 0.01 ms)."""
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    used = {name: (after[name] - before[name]) * tick_ms / max(requests, 1) for name in setup["pids"]}
    return {name: round(ms, 3) for name, ms in used.items() if ms >= 0.01}


def median_of(runs):
    return {key: statistics.median(run[key] for run in runs)
            for key in ("rps", "p50_ms", "p90_ms", "p99_ms", "max_ms")} | {
               "non_2xx": sum(run["non_2xx"] for run in runs),
               "socket_errors": sum(run["socket_errors"] for run in runs),
               "cpu_ms_per_request": {name: statistics.median(run["cpu_ms_per_request"].get(name, 0) for run in runs)
                                      for name in runs[0]["cpu_ms_per_request"]}}


def warm_up(setup, target):
    """Runs the target until its throughput settles: the JIT of every JVM on its path has
    compiled it (on 2 cores shared by several JVMs that takes minutes, not one round).
    Settled: three rounds in a row each within 5% of the one before, or the target's
    warm_max_rounds. Two were not enough: a target still compiling can hold a plateau for
    two rounds (run 2026-12-06T1334Z: 1,654 and 1,664 req/s, 6,305 once compiled)."""
    history = []
    while len(history) < target.get("warm_max_rounds", 8):
        history.append(wrk(setup, target, setup["round_seconds"])["rps"])
        forget_creates(setup, target)
        print(f"{'warm-up':12} {target['name']:44} {history[-1]:9.0f} req/s", flush=True)
        if len(history) >= 3 and all(abs(a - b) <= 0.05 * b for a, b in zip(history[-2:], history[-3:-1])):
            break
    return history


def settle(setup, targets, max_cycles=5):
    """Runs the targets in alternating cycles, as the measured rounds do, until each one's
    throughput is within 5% of its previous cycle's. A target that settled alone may not
    have settled with the others: they share JVMs, whose JIT kept compiling (run
    2026-12-02T1434Z: example-service direct settled at 2,200 req/s alone, then measured
    2,352, 3,265, 4,388)."""
    history = {t["name"]: [] for t in targets}
    for cycle in range(1, max_cycles + 1):
        for target in targets:
            history[target["name"]].append(wrk(setup, target, setup["round_seconds"])["rps"])
            print(f"{'settle ' + str(cycle):12} {target['name']:44} {history[target['name']][-1]:9.0f} req/s",
                  flush=True)
        if cycle >= 2 and all(abs(h[-1] - h[-2]) <= 0.05 * h[-2] for h in history.values()):
            break
    return history


def measure(setup):
    targets = setup["targets"]
    runs = {t["name"]: [] for t in targets}
    warm = {t["name"]: warm_up(setup, t) for t in targets}
    by_id = [t for t in targets if t["group"] == "by-id"]
    for name, rps in settle(setup, by_id).items():
        warm[name] += rps
    for round_no in range(1, setup["rounds"] + 1):
        label = f"round {round_no}/{setup['rounds']}"
        for target in targets:
            before = {name: cpu_ticks(pids) for name, pids in setup["pids"].items()}
            result = wrk(setup, target, setup["round_seconds"])
            after = {name: cpu_ticks(pids) for name, pids in setup["pids"].items()}
            forget_creates(setup, target)
            result["cpu_ms_per_request"] = cpu_per_request(setup, before, after, result["requests"])
            print(f"{label:12} {target['name']:44} {result['rps']:9.0f} req/s  p99 {result['p99_ms']:7.1f} ms",
                  flush=True)
            runs[target["name"]].append(result)
    medians = {name: median_of(r) for name, r in runs.items()}
    fixed = {}
    for target in (t for t in targets if t["group"] == "by-id"):
        for share in setup["rates"]:
            rate = max(1, int(medians[target["name"]]["rps"] * share))
            result = wrk(setup, target, setup["round_seconds"], rate)
            fixed.setdefault(target["name"], {})[f"{int(share * 100)}%"] = result | {"rate": rate}
            print(f"fixed {int(share * 100)}%    {target['name']:44} {rate:9d} req/s  p99 "
                  f"{result['p99_ms']:7.1f} ms", flush=True)
    return runs, medians, fixed, warm


def checks(medians, rss_after, cold_start):
    def m(name):
        return medians.get(name)

    found = []

    def check(measure, target, value, ok):
        found.append({"measure": measure, "target": target, "value": value, "met": bool(ok)})

    direct, bare = m("example-service direct"), m("bare handler")
    token_gw, bare_gw, flask = m("gateway -> example-service, token"), m("bare gateway -> bare handler"), m("flask")
    if direct and bare:
        ratio = direct["rps"] / bare["rps"]
        check("example-service direct / bare handler, requests/s", ">= 0.90", f"{ratio:.2f}", ratio >= 0.9)
        p99 = direct["p99_ms"] / bare["p99_ms"]
        check("example-service direct p99 / bare handler p99", "<= 2.0", f"{p99:.2f}", p99 <= 2.0)
    if token_gw and bare_gw:
        ratio = token_gw["rps"] / bare_gw["rps"]
        check("gateway with a token / bare gateway, requests/s", ">= 1.00", f"{ratio:.2f}", ratio >= 1.0)
    if token_gw and flask:
        ratio = token_gw["rps"] / flask["rps"]
        check("gateway with a token / Flask, requests/s (stretch)", ">= 1.50", f"{ratio:.2f}", ratio >= 1.5)
    if token_gw:
        check("p99 through the gateway with a token", "<= 25 ms", f"{token_gw['p99_ms']:.1f} ms",
              token_gw["p99_ms"] <= 25)
    for process in ("gateway", "example-service", "users-service", "payments-service", "registry"):
        if process in rss_after:
            check(f"RSS after load, {process}", "<= 300 MiB", f"{rss_after[process]} MiB",
                  rss_after[process] <= 300)
    for name, med in medians.items():
        if med["non_2xx"] or med["socket_errors"]:
            check(f"every answer 2xx, {name}", "0 failed", f"{med['non_2xx']} non-2xx, {med['socket_errors']} "
                  "socket errors", False)
    if cold_start is not None:
        check("cold start of the suite to the first routed request", "<= 20 s", f"{cold_start} s", cold_start <= 20)
    return found


def markdown(result):
    lines = [f"# Bench {result['date']}", "", f"Code: {result.get('code', 'not recorded')}.", "", result["machine"], "",
             f"Load: wrk -t1 -c{result['connections']}, {result['round_seconds']} s per target per round, "
             f"each target first warmed up until its throughput settled (three rounds each within 5% of the one before, at most 8), "
             "then the by-id targets in alternating cycles until each was within 5% of its previous cycle "
             "(at most 5), "
             f"then {result['rounds']} measured rounds with the targets alternating; "
             "medians shown. JVMs: " + result["java_opts"] + ".", "",
             "| target | requests/s | p50 ms | p90 ms | p99 ms | max ms | non-2xx |", "|---|---|---|---|---|---|---|"]
    for name, med in result["medians"].items():
        lines.append(f"| {name} | {med['rps']:.0f} | {med['p50_ms']:.2f} | {med['p90_ms']:.2f} | "
                     f"{med['p99_ms']:.1f} | {med['max_ms']:.0f} | {med['non_2xx']} |")
    lines += ["", "Latency at a fixed rate (wrk sending as a Poisson process at the rate):", "",
              "| target | share of max | rate req/s | achieved | p50 ms | p90 ms | p99 ms | max ms |",
              "|---|---|---|---|---|---|---|---|"]
    for name, shares in result["fixed_rate"].items():
        for share, r in shares.items():
            lines.append(f"| {name} | {share} | {r['rate']} | {r['rps']:.0f} | {r['p50_ms']:.2f} | "
                         f"{r['p90_ms']:.2f} | {r['p99_ms']:.1f} | {r['max_ms']:.0f} |")
    lines += ["", "CPU time per request of each process that served a target (median of the rounds, ms; "
              "the machine's other processes excluded):", "", "| target | CPU ms per request |", "|---|---|"]
    for name, med in result["medians"].items():
        used = ", ".join(f"{process} {ms:.3f}" for process, ms in med["cpu_ms_per_request"].items())
        lines.append(f"| {name} | {used} |")
    lines += ["", "| process | RSS idle MiB | RSS after load MiB |", "|---|---|---|"]
    for name in result["rss_after"]:
        lines.append(f"| {name} | {result['rss_idle'].get(name, '')} | {result['rss_after'][name]} |")
    starts = ", ".join(f"{s} s" for s in result.get("cold_starts_s") or [])
    lines += ["", f"Cold start of the suite to the first routed request: {result['cold_start_s']} s, the median of "
              f"{starts} (its start right after its start-up caches were made: {result.get('first_start_s')} s).", "",
              "| target check | wanted | measured | met |", "|---|---|---|---|"]
    for c in result["checks"]:
        lines.append(f"| {c['measure']} | {c['target']} | {c['value']} | {'yes' if c['met'] else '**no**'} |")
    return "\n".join(lines) + "\n"


def plot(result, out):
    data = os.path.join(out, "plot.dat")
    with open(data, "w") as f:
        for name, med in result["medians"].items():
            f.write(f"\"{name}\" {med['rps']:.0f} {med['p99_ms']:.2f}\n")
    script = f"""
set terminal png size 1400,700 font ",10"
set output "{os.path.join(out, 'results.png')}"
set title "Throughput (bars) and p99 (points) per target"
set style data histogram
set style fill solid 0.6
set boxwidth 0.8
set xtics rotate by -30 left
set ylabel "requests/s"
set y2label "p99 ms"
set y2tics
set logscale y2
set bmargin 12
set key top right
plot "{data}" using 2:xtic(1) title "requests/s", "" using 0:3 axes x1y2 with points pt 7 ps 1.5 title "p99 ms"
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    os.remove(data)


def main():
    with open(sys.argv[1]) as f:
        setup = json.load(f)
    rss_idle = {name: rss_mib(pids) for name, pids in setup["pids"].items()}
    runs, medians, fixed, warm = measure(setup)
    rss_after = {name: rss_mib(pids) for name, pids in setup["pids"].items()}
    result = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%MZ"), "code": setup["code"],
              "machine": setup["machine"],
              "java_opts": setup["java_opts"], "connections": setup["connections"],
              "round_seconds": setup["round_seconds"], "rounds": setup["rounds"], "medians": medians,
              "runs": runs, "warm_up_rps": warm, "fixed_rate": fixed, "rss_idle": rss_idle, "rss_after": rss_after,
              "cold_start_s": setup["cold_start_s"], "cold_starts_s": setup.get("cold_starts_s"),
              "first_start_s": setup.get("first_start_s")}
    result["checks"] = checks(medians, rss_after, setup["cold_start_s"])
    os.makedirs(setup["out"], exist_ok=True)
    with open(os.path.join(setup["out"], "results.json"), "w") as f:
        json.dump(result, f, indent=2)
    with open(os.path.join(setup["out"], "results.md"), "w") as f:
        f.write(markdown(result))
    plot(result, setup["out"])
    missed = [c for c in result["checks"] if not c["met"]]
    print()
    print(markdown(result))
    print("Targets missed:" if missed else "Every target met.")
    for c in missed:
        print(f"  MISSED {c['measure']}: {c['value']} (wanted {c['target']})")


if __name__ == "__main__":
    main()
