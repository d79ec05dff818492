#!/usr/bin/env bash
# Builds the container image with podman from a Debian base made here with debootstrap (no image
# registry needed), starts compose.yaml's roles with podman-compose, and checks that they work together:
# the detector's /health answers UP and events arrive on the broker's published port. Then removes them.
# Not part of mvn verify: it needs root, about 200 MB from the Debian mirror for the first base, and
# minutes (README: "Container").
# Needs: apt-get install podman debootstrap podman-compose mosquitto-clients curl, and the archive:
#   mvn -B package -DskipTests && watchkeeper-dist/src/build/container-check.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
work="${1:-/var/tmp/watchkeeper-container}"
archive="$(ls "$root"/watchkeeper-dist/target/watchkeeper-*.tar.gz 2>/dev/null | head -n 1)"
[ -n "$archive" ] || { echo "container-check: no release archive; run mvn -B package -DskipTests first" >&2; exit 1; }
version="${archive##*/watchkeeper-}"
version="${version%.tar.gz}"

if ! podman image exists localhost/debian-local; then
  if [ ! -x "$work/rootfs/bin/bash" ]; then
    debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian
  fi
  tar -C "$work/rootfs" --exclude='./var/cache/apt/*' --exclude='./var/lib/apt/lists/*' -c . \
    | podman import - localhost/debian-local
fi
# chroot isolation: the build's one RUN needs neither an OCI runtime nor cgroups.
podman build --isolation=chroot --build-arg BASE=localhost/debian-local --build-arg "VERSION=$version" \
  -t localhost/watchkeeper:latest "$root"
podman run --rm localhost/watchkeeper:latest --version

export WK_PUBLISH_MQTT_PORT="${WK_PUBLISH_MQTT_PORT:-21883}" WK_PUBLISH_HTTP_PORT="${WK_PUBLISH_HTTP_PORT:-28080}"
compose=(podman-compose -p watchkeeper-check -f "$root/compose.yaml")
trap '"${compose[@]}" down -v >/dev/null 2>&1' EXIT
"${compose[@]}" up -d >/dev/null

for _ in $(seq 90); do
  health="$(curl -s -m 2 "http://127.0.0.1:$WK_PUBLISH_HTTP_PORT/health" || true)"
  case "$health" in *'"status":"UP"'*) break ;; esac
  sleep 1
done
echo "detector /health: $health"
case "$health" in *'"status":"UP"'*) ;; *) echo "container-check: the detector never answered UP" >&2; exit 1 ;; esac
echo "first events from the broker container:"
mosquitto_sub -h 127.0.0.1 -p "$WK_PUBLISH_MQTT_PORT" -t 'EVENT/#' -C 3 -W 60 -v | cut -c 1-120
echo "container-check: ok"
