#!/bin/sh
# What the fleet module costs a guarded call (issue 15): JMH, the same @CircuitBreaker call with
# Fusebox + management, without and with the fleet module (connected to a ZooKeeper in the JVM),
# at 1 thread with -prof gc. Ask for a quiet machine first. About 2 minutes.
#   [FORKS=n] config-source/zookeeper/benchmarks/run.sh [more JMH options, e.g. -rf json -rff out.json]
set -eu
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
module=config-source/zookeeper/benchmarks
./mvnw -q -B -ntp -pl $module -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -cp "$module/target/classes:$(cat $module/target/classpath.txt)" org.openjdk.jmh.Main \
  -f "${FORKS:-2}" -wi 3 -w 1s -i 5 -r 1s -t 1 -prof gc -jvmArgs "-Xmx512m -Djava.util.logging.config.file=$module/logging.properties" \
  FleetCallPathBenchmark "$@"
