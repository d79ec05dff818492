# Watchkeeper in a container, from the release archive: the archive carries its own Java runtime, so the
# image needs only a small Debian base and no JDK image. Build the archive first, then the image:
#   mvn -B package -DskipTests
#   docker build -t watchkeeper .        (or podman build; README: "Container")
# BASE may name any Debian 12 image, e.g. one made locally with debootstrap (README).
ARG BASE=docker.io/library/debian:bookworm-slim
FROM ${BASE}
# The archive's version; container-check.sh passes the one it finds in watchkeeper-dist/target.
ARG VERSION=0.1.0-SNAPSHOT
# ADD unpacks a local tar.gz.
ADD watchkeeper-dist/target/watchkeeper-${VERSION}.tar.gz /opt/
# A fixed, unprivileged user without a passwd entry (the minimal base has no useradd), owning the state
# folder: the event store, the engine's checkpoints and, for the broker role, its sessions.
RUN ln -s /opt/watchkeeper-${VERSION} /opt/watchkeeper \
 && mkdir -p /var/lib/watchkeeper && chown 10001:10001 /var/lib/watchkeeper
USER 10001:10001
WORKDIR /var/lib/watchkeeper
VOLUME /var/lib/watchkeeper
ENV HOME=/var/lib/watchkeeper
# MQTT and the dashboard / REST API / metrics.
EXPOSE 1883 8080
ENTRYPOINT ["/opt/watchkeeper/bin/watchkeeper"]
# Without a command: the whole demo in one container, reachable from outside it.
CMD ["demo", "--host", "0.0.0.0", "--http-host", "0.0.0.0", "--data", "/var/lib/watchkeeper"]
