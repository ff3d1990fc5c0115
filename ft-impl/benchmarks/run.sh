#!/usr/bin/env bash
# Builds the two JMH jars (Fusebox + Resilience4j, and SmallRye Fault Tolerance), runs each at 1
# and 2 threads with the GC profiler, and prints one side-by-side table.
#
#   ft-impl/benchmarks/run.sh            full run (about 19 minutes on 2 cores, build included; see README.md)
#   ft-impl/benchmarks/run.sh --quick    smoke run: tiny iterations, no forks (about 1 minute)
#
# Environment overrides: BENCHMARKS (JMH regex, default all), THREADS ("1 2"), FORKS,
# WARMUP_ITERS, WARMUP_MS, MEASURE_ITERS, MEASURE_MS, HEAP (e.g. 1g), RESULTS_DIR,
# SKIP_BUILD=1 (reuse the jars), QUICK=1 (same as --quick), JAVA (the java that runs the jars,
# default java; the virtual-thread row needs 21+, e.g. JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

quick="${QUICK:-0}"
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    -h|--help) sed -n '2,11p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

if [[ "$quick" == 1 ]]; then
  # in-process (-f 0): no JVM start per benchmark; numbers only prove that everything runs
  forks="${FORKS:-0}" warmup_iters="${WARMUP_ITERS:-1}" warmup_ms="${WARMUP_MS:-100}"
  measure_iters="${MEASURE_ITERS:-1}" measure_ms="${MEASURE_MS:-200}"
else
  forks="${FORKS:-1}" warmup_iters="${WARMUP_ITERS:-3}" warmup_ms="${WARMUP_MS:-1000}"
  measure_iters="${MEASURE_ITERS:-5}" measure_ms="${MEASURE_MS:-1000}"
fi
benchmarks="${BENCHMARKS:-.*}"
threads="${THREADS:-1 2}"
heap="${HEAP:-1g}"
java="${JAVA:-java}"
java_feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
exclude=()
if (( ${java_feature%%.*} < 21 )); then
  # asynchronous methods on virtual threads need JDK 21+: that Fusebox row is left out
  exclude=(-e 'OnVirtualThreads')
  echo "Java $java_feature: leaving out the virtual-thread benchmark (needs 21+; set JAVA to a JDK 21+ java)"
fi
results="${RESULTS_DIR:-$here/target/jmh-results}"

fusebox_jar="$root/ft-impl/benchmarks/target/benchmarks.jar"
smallrye_jar="$root/ft-impl/benchmarks-smallrye/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the benchmark jars..."
  (cd "$root" && ./mvnw -q -Pbenchmarks -pl ft-impl/benchmarks,ft-impl/benchmarks-smallrye -am package -Dmaven.test.skip=true)
fi

mkdir -p "$results"
rm -f "$results"/*.json "$results"/*.log "$results"/table.txt

# benchmarks x threads x (warm-up + measurement + about 3 s to start a JVM and a Weld container)
count=0
for jar in "$fusebox_jar" "$smallrye_jar"; do
  n=$("$java" -jar "$jar" -l "$benchmarks" "${exclude[@]}" | grep -c '^dev\.' || true)
  count=$((count + n))
done
nthreads=$(wc -w <<<"$threads")
per_run_ms=$(( forks * (warmup_iters * warmup_ms + measure_iters * measure_ms + 3000) ))
if (( forks == 0 )); then
  per_run_ms=$(( warmup_iters * warmup_ms + measure_iters * measure_ms + 300 ))
fi
echo "$count benchmarks x $nthreads thread counts: about $(( count * nthreads * per_run_ms / 60000 + 1 )) min"

# forks inherit the launcher's JVM options, the heap size included
jmh_args=(-f "$forks" -wi "$warmup_iters" -w "${warmup_ms}ms" -i "$measure_iters" -r "${measure_ms}ms" -prof gc
  "${exclude[@]}")

for implementation in fusebox smallrye; do
  jar="$fusebox_jar"
  [[ "$implementation" == smallrye ]] && jar="$smallrye_jar"
  for t in $threads; do
    out="$results/$implementation-t$t"
    echo "running $implementation, $t thread(s) -> $out.json"
    if ! "$java" "-Xms$heap" "-Xmx$heap" -jar "$jar" "$benchmarks" "${jmh_args[@]}" -t "$t" \
        -rf json -rff "$out.json" >"$out.log" 2>&1; then
      echo "JMH failed; end of $out.log:" >&2
      tail -n 40 "$out.log" >&2
      exit 1
    fi
  done
done

python3 - "$results" <<'PY' | tee "$results/table.txt"
import json, pathlib, sys

results = pathlib.Path(sys.argv[1])
CDI = ["plainCall", "noopInterceptor", "unguardedOfGuardedBean", "unguardedBehindInterceptor",
       "circuitBreakerClosed", "retrySucceeds", "bulkhead",
       "timeoutNotReached", "fallbackNotUsed", "allFiveCombined", "noopInterceptorThrows",
       "openBreakerFailsFast", "openBreakerWithFallback", "plainExecutorHandOff", "asyncBulkheadJoined",
       "asyncBulkheadJoinedOnVirtualThreads"]

def load(implementation):
    """(method name, threads) -> (ns/op, B/op or None)"""
    scores = {}
    for path in sorted(results.glob(implementation + "-t*.json")):
        for run in json.loads(path.read_text() or "[]"):
            alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            scores[(run["benchmark"].rsplit(".", 1)[1], run["threads"])] = (
                run["primaryMetric"]["score"], alloc["score"] if alloc else None)
    return scores

fusebox, smallrye = load("fusebox"), load("smallrye")
r4j_name = lambda name: "r4j" + name[0].upper() + name[1:]
names = CDI + sorted({n for n, _ in list(fusebox) + list(smallrye)
                      if n not in CDI and not n.startswith("r4j")})
thread_counts = sorted({t for _, t in list(fusebox) + list(smallrye)})

def fmt_time(v): return "-" if v is None else (f"{v:,.1f}" if v < 100 else f"{v:,.0f}")
def alloc(v): return "-" if v is None else f"{v:,.0f}"
def ratio(a, b): return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}"

header = ("benchmark", "thr", "Fusebox ns/op", "B/op", "SmallRye ns/op", "B/op",
          "R4j ns/op", "B/op", "F/S ns", "F/S B")
rows = []
for name in names:
    for t in thread_counts:
        f = fusebox.get((name, t), (None, None))
        s = smallrye.get((name, t), (None, None))
        r = fusebox.get((r4j_name(name), t), (None, None))
        if f == s == r == (None, None):
            continue
        rows.append((name, str(t), fmt_time(f[0]), alloc(f[1]), fmt_time(s[0]), alloc(s[1]),
                     fmt_time(r[0]), alloc(r[1]), ratio(f[0], s[0]), ratio(f[1], s[1])))
widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
line = lambda row: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
print(line(header))
print("  ".join("-" * w for w in widths))
for row in rows:
    print(line(row))

print()
print("ns/op is per operation per thread (JMH avgt); B/op is gc.alloc.rate.norm.")
print("F/S: Fusebox / SmallRye (below 1.00 = Fusebox faster or allocating less).")
for t in thread_counts:
    virtual = fusebox.get(("asyncBulkheadJoinedOnVirtualThreads", t))
    platform, peer = fusebox.get(("asyncBulkheadJoined", t)), smallrye.get(("asyncBulkheadJoined", t))
    if virtual and platform:
        print(f"Fusebox asyncBulkheadJoined, {t} thread(s), virtual threads / platform pool: "
              f"time {virtual[0] / platform[0]:.2f}, bytes {ratio(virtual[1], platform[1])}"
              + (f"; virtual threads / SmallRye: time {virtual[0] / peer[0]:.2f}, bytes {ratio(virtual[1], peer[1])}"
                 if peer else ""))
for name in ("guardSyncCombined", "guardStageCombined"):
    for t in thread_counts:
        f, r = fusebox.get((name, t)), fusebox.get((r4j_name(name), t))
        if f and r:
            print(f"Fusebox {name}, {t} thread(s), Fusebox / Resilience4j: time {f[0] / r[0]:.2f}, "
                  f"bytes {ratio(f[1], r[1])}")
for label, scores in (("Fusebox", fusebox), ("SmallRye", smallrye)):
    one, two = scores.get(("circuitBreakerClosed", 1)), scores.get(("circuitBreakerClosed", 2))
    if one and two:
        print(f"{label} circuitBreakerClosed, 2 threads / 1 thread: {two[0] / one[0]:.2f} "
              "(1.00 = no slowdown from sharing the breaker)")
PY
echo "JSON, logs and this table: $results"
