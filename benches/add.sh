#!/usr/bin/env bash
# `dateline add` of a folder of generated articles, end to end: wall time,
# peak memory, articles per second. The articles come from
# benches/articles.rs (about 4 KB each, deterministic).
#
#   benches/add.sh            # 10,000 articles (about 40 MB)
#   N=2000 benches/add.sh     # a quicker run
#
# Memory should stay flat in the number of articles: run with N=2000 and
# N=10000 and compare the peaks.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10000}
command -v /usr/bin/time >/dev/null || { sudo -n true 2>/dev/null && sudo apt-get install -y time || apt-get install -y time; }
cargo build --release --quiet
cargo bench --quiet --bench articles --no-run 2>/dev/null
work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-add.XXXXXX")
trap 'rm -rf "$work"' EXIT
cargo bench --quiet --bench articles -- --write "$work/articles" --count "$N"
bytes=$(du -sb "$work/articles" | cut -f1)
/usr/bin/time -f '%e %M' -o "$work/time" \
  target/release/dateline --db "$work/d.db" add "$work/articles" > "$work/out" 2> "$work/err" || true
read -r secs kb < "$work/time"
events=$(target/release/dateline --db "$work/d.db" --json info | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["articles"], "articles,", d["events"], "events")')
printf 'add: %s articles (%s MB) in %s s, peak %s MB; stored %s; %s failures\n' \
  "$N" "$((bytes / 1000000))" "$secs" "$((kb / 1024))" "$events" "$(grep -c '^dateline:' "$work/err" || true)"
