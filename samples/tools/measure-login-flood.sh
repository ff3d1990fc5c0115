#!/bin/sh
# Issue 11, item 9: the demo's checkout rate without and with a flood of wrong-password logins.
# Builds the demo, starts it on free ports with a fresh home, lets it run BASE seconds, then runs
# LoginFlood.java with THREADS threads for FLOOD seconds against its JMX port, then stops it. Prints
# the mean checkouts/s of the 5 s summaries wholly inside each phase and their ratio.
#   samples/tools/measure-login-flood.sh [users] [rate] [threads] [flood seconds] [base seconds]
# MVNW_FLAGS=-o builds offline. Heavy: run it alone on the machine (flock /tmp/fusebox-heavy.lock samples/tools/measure-login-flood.sh).
set -eu
users=${1:-6}; rate=${2:-20}; threads=${3:-8}; flood=${4:-30}; base=${5:-35}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B ${MVNW_FLAGS:-} -pl samples -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/demo.classpath
work=$(mktemp -d)
mkfifo "$work/stdin"
java -cp "samples/target/classes:$(cat samples/target/demo.classpath)" dev.fusebox.samples.demo.ShopDemo \
  --home "$work/home" --jmx-port 0 --metrics-port 0 --users "$users" --rate "$rate" --summary-seconds 5 --summary-file - \
  < "$work/stdin" > "$work/demo.out" 2> "$work/demo.err" &
demo=$!
exec 3> "$work/stdin"
tries=0
until grep -q '^ready' "$work/demo.out" 2>/dev/null; do
  tries=$((tries + 1)); [ "$tries" -lt 120 ] || { echo "demo did not start: $work" >&2; kill "$demo"; exit 1; }
  sleep 1
done
url=$(sed -n 's/^jmx *\(service:jmx:[^ ]*\).*/\1/p' "$work/demo.out" | head -1)
# the demo JVM's CPU time (user + system, clock ticks) and the wall clock, at each phase boundary
cpu() { awk '{ print $14 + $15 }' "/proc/$demo/stat"; }
ticks=$(getconf CLK_TCK)
cpu0=$(cpu); t0=$(date +%s.%N)
sleep "$base"
before=$(wc -l < "$work/demo.out")
cpu1=$(cpu); t1=$(date +%s.%N)
java samples/tools/LoginFlood.java "$url" "$threads" "$flood" > "$work/flood.out"
during=$(wc -l < "$work/demo.out")
cpu2=$(cpu); t2=$(date +%s.%N)
echo quit >&3
exec 3>&-
wait "$demo" || true
summaries() { sed -n "$1,$2p" "$work/demo.out" | sed -n 's/^[0-9:]* checkouts \([0-9]*\):.*/\1/p'; }
# the first summary of each phase may straddle its start: left out
mean() { tail -n +2 | awk -v s=5 '{ n++; t += $1 } END { if (n) printf "%.2f %d", t / n / s, n; else print "0 0" }'; }
set -- $(summaries 1 "$before" | mean); base_rate=$1; base_n=$2
set -- $(summaries "$((before + 1))" "$during" | mean); flood_rate=$1; flood_n=$2
cat "$work/flood.out"
echo "users $users, rate $rate/s: without the flood $base_rate checkouts/s ($base_n summaries), with $threads flood threads $flood_rate checkouts/s ($flood_n summaries), ratio $(awk -v a="$flood_rate" -v b="$base_rate" 'BEGIN { printf "%.3f", a / b }')"
awk -v a="$cpu0" -v b="$cpu1" -v c="$cpu2" -v s="$t0" -v t="$t1" -v u="$t2" -v k="$ticks" 'BEGIN {
  printf "demo JVM CPU: %.2f cores without the flood, %.2f cores with it\n", (b - a) / k / (t - s), (c - b) / k / (u - t) }'
echo "demo output: $work/demo.out"
