#!/bin/sh
# The fleet at scale, simulated (issue 15): a ZooKeeper on 127.0.0.1, JVMS JVMs of PER_JVM Fusebox
# applications each (real Weld containers with the fleet module, 20 breakers each, 5 fleet
# applications), then an outage that trips every breaker; prints ZooKeeper's write transactions
# (peak per second, in all), its znodes and bytes, and the fleet view's latency (p50/p95/max).
#   samples/tools/measure-fleet-scale.sh [jvms, default 5] [per JVM, default 100]
# Takes a few minutes on 2 cores (most of it starting 500 containers). Not part of the test suite.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -ntp -pl samples -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/demo.classpath
exec java -Djava.util.logging.config.file=samples/target/classes/logging.properties \
  -cp "samples/target/classes:$(cat samples/target/demo.classpath)" \
  dev.fusebox.samples.demo.FleetScale "$@"
