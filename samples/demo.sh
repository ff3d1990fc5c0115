#!/bin/sh
# Builds the demo service and runs it in the foreground with java itself, so stdin (commands),
# Ctrl-C and the output all go straight to it. Flags are the demo's, e.g.
#   samples/demo.sh --fleet
#   samples/demo.sh --fault payments=outage --fault inventory=errors:0.3
# The home (JMX users, overrides file) is samples/target/demo-home unless --home says otherwise.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
./mvnw -q -pl samples -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/demo.classpath
java=java
if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
fi
exec "$java" -Djava.util.logging.config.file=samples/target/classes/logging.properties \
  -cp "samples/target/classes:$(cat samples/target/demo.classpath)" \
  dev.fusebox.samples.demo.ShopDemo --home samples/target/demo-home "$@"
