#!/usr/bin/env bash
# Builds target/watchkeeper-VERSION.tar.gz (run by Maven in the package phase, see this module's pom):
#   bin/watchkeeper   the launcher (src/main/dist)
#   lib/              watchkeeper.jar and its runtime libraries (copied to target/jars by Maven)
#   runtime/          a Java runtime made by jlink with only the modules the application uses
#   examples/ LICENSE and the demo recording's source and licence (the recording itself is inside the jar)
# Usage: make-archive.sh JAVA_HOME VERSION MODULES REPOSITORY_ROOT TARGET_DIR
set -euo pipefail
java_home="$1" version="$2" modules="$3" root="$4" target="$5"

# jlink is the slow step (about 10 s); redo it only when the module list or the JDK changed.
runtime="$target/runtime"
stamp="$modules $("$java_home/bin/java" -version 2>&1 | head -n 1)"
if [ "$(cat "$target/runtime.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$runtime" "$target/runtime.stamp"
  "$java_home/bin/jlink" --add-modules "$modules" --output "$runtime" \
      --strip-debug --no-header-files --no-man-pages --compress=2
  echo "$stamp" > "$target/runtime.stamp"
fi

name="watchkeeper-$version"
image="$target/image/$name"
rm -rf "$target/image"
mkdir -p "$image/lib" "$image/data/dma-aisabnormal"
cp -a "$root/watchkeeper-dist/src/main/dist/." "$image/"
# Moved, not copied, so that a later build starts from an empty target/jars and never ships a stale jar.
mv "$target/jars/"*.jar "$image/lib/"
rmdir "$target/jars"
cp -al "$runtime" "$image/runtime"
cp -a "$root/examples" "$image/examples"
cp -a "$root/LICENSE" "$image/"
# The demo reads its recording from watchkeeper.jar; its source and licence travel with it, and the file
# itself too, for demo --ais data/dma-aisabnormal/... as in the documentation.
for f in README.md LICENSE-AisAbnormal-LGPL-3.0.txt ais-sample-20131112T1200Z.txt.gz; do
  cp -a "$root/data/dma-aisabnormal/$f" "$image/data/dma-aisabnormal/"
done

tar -C "$target/image" --owner=0 --group=0 --numeric-owner -czf "$target/$name.tar.gz" "$name"
echo "make-archive: $target/$name.tar.gz ($(( $(stat -c %s "$target/$name.tar.gz") / 1024 / 1024 )) MiB)"
