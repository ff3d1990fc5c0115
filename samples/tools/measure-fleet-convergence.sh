#!/bin/sh
# Convergence of a fleet-wide force (issue 15): a ZooKeeper on 127.0.0.1, N shop JVMs registered in
# it (no load, 96 MB heaps), F forces of the payments breaker, each followed by a release; prints
# p50/p90/p99/max of the time from the write until every instance has forced its breaker.
#   samples/tools/measure-fleet-convergence.sh [instances, default 20] [forces, default 50]
# Takes about two minutes on 2 cores (most of it starting the JVMs). Not part of the test suite.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
./mvnw -q -B -ntp -pl samples -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/demo.classpath
exec java -Djava.util.logging.config.file=samples/target/classes/logging.properties \
  -cp "samples/target/classes:$(cat samples/target/demo.classpath)" \
  dev.fusebox.samples.demo.FleetConvergence "$@"
