#!/usr/bin/env bash
# Writes data/<set>/MANIFEST.tsv for every data set (or the ones named): each data and licence file
# with its size and SHA-256, so that a copy can be checked against its source and a change shows in
# review. READMEs are left out, so editing one does not make the manifest stale.
#   tools/data/manifest.sh                 every set
#   tools/data/manifest.sh solent-stonesoup
set -euo pipefail
data="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../data" && pwd)"
cd "$data"
tmp="$(mktemp)"
trap 'rm -f "$tmp"' EXIT
if [ $# -eq 0 ]; then
  set -- */
fi
for set in "$@"; do
  set="${set%/}"
  [ -d "$set" ] || { echo "manifest.sh: no data set $set in $data" >&2; exit 1; }
  (
    cd "$set"
    printf 'path\tbytes\tsha256\n'
    find . -type f ! -name MANIFEST.tsv ! -name README.md | sed 's|^\./||' | LC_ALL=C sort |
      while IFS= read -r file; do
        printf '%s\t%s\t%s\n' "$file" "$(stat -c %s "$file")" "$(sha256sum "$file" | cut -d' ' -f1)"
      done
  ) > "$tmp"
  cp "$tmp" "$set/MANIFEST.tsv"
done
