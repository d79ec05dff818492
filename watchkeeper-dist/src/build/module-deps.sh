#!/usr/bin/env bash
# Prints the Java modules that watchkeeper.jar and its libraries use, as jdeps finds them: the start of
# jlink.modules in this module's pom. Not part of the build, because it takes about a minute on two cores;
# rerun it after a dependency changes (after `mvn -B -pl watchkeeper-server -am package -DskipTests`).
set -euo pipefail
server="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../watchkeeper-server/target" && pwd)"
cd "$server"
jdeps --print-module-deps --ignore-missing-deps --multi-release 17 -q --class-path 'lib/*' watchkeeper.jar lib/*.jar
