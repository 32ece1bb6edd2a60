#!/usr/bin/env bash
# Speed benchmark of issue 3, point 7: dateline against the sqlite3 shell doing the
# same work on the same generated CSV (N contact events among 5,000 actors,
# Zipf-like pairs; benches/gen_events.py):
#   load        sqlite3 .import + pair-and-date index   vs  dateline import      target <= 1x
#               (LOADS times each, default 3, alternating; the median of each)
#   pair        LAG query for the busiest pair (median of 5) vs dateline gaps A B  target <= 0.5x
#   all pairs   LAG query per pair (median of 3)        vs  dateline gaps --all  target <= 0.1x
#   memory      peak RSS of every dateline step                                  target < 200 MB
# Each step is its own process, timed wall-clock, peak RSS from /usr/bin/time.
#
#   benches/run.sh                    # 1,000,000 events
#   N=100000 benches/run.sh           # a quick run
#   DATELINE=0 benches/run.sh         # the sqlite3 shell only
#   KEEP=1 benches/run.sh             # keep the temporary folder (CSV, databases, outputs)
#   TMPDIR=/somewhere benches/run.sh  # where that folder goes (needs ~500 MB at 1M rows)
#   CARGO_TARGET_DIR=/x benches/run.sh  # the build (and the binary timed) there
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true # bash 5.2: keep '&' literal in ${x//p/r}

N=${N:-1000000} ACTORS=${ACTORS:-5000} SEED=${SEED:-1} DATELINE=${DATELINE:-1} LOADS=${LOADS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then echo "files in $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi

for tool in sqlite3:sqlite3 /usr/bin/time:time; do
  command -v "${tool%%:*}" >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
done

# measure LABEL CMD...: run CMD (stdout to $TMP/LABEL.out), append "seconds peak-KB"
# to $TMP/LABEL.runs; returns CMD's exit status.
measure() {
  local label=$1 t0 t1 status=0
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$TMP/rss" "$@" >"$TMP/$label.out" || status=$?
  t1=$(date +%s.%N)
  echo "$t0 $t1 $(tail -n1 "$TMP/rss")" | awk '{printf "%.3f %d\n", $2 - $1, $3}' >>"$TMP/$label.runs"
  return $status
}
# median seconds and largest peak KB of a step's runs: "secs kb"
stat() { sort -n "$TMP/$1.runs" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {print t[int((NR + 1) / 2)], m}'; }
# the SQL of one "-- @step" section of sqlite_baseline.sql
section() { awk -v s="$1" '$0 ~ "^-- @" s ":" {f = 1; next} /^-- @/ {f = 0} f' "$root/benches/sqlite_baseline.sql"; }

echo "== $N events, $ACTORS actors, seed $SEED; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
CSV=$TMP/events.csv
python3 "$root/benches/gen_events.py" -n "$N" -a "$ACTORS" --seed "$SEED" -o "$CSV" --pair-out "$TMP/pair.txt"
A=$(sed -n 1p "$TMP/pair.txt") B=$(sed -n 2p "$TMP/pair.txt")

dl=none bin=
if [[ $DATELINE != 1 ]]; then
  echo "dateline: skipped (DATELINE=$DATELINE)"
elif ! (cd "$root" && cargo build --release -q); then
  echo "dateline: the release build failed"
elif ! "${CARGO_TARGET_DIR:-$root/target}/release/dateline" import --help >/dev/null 2>&1; then
  echo "dateline: import not available yet"
else
  bin=${CARGO_TARGET_DIR:-$root/target}/release/dateline
  args=(--db "$TMP/d.db")
  if "$bin" --now 2026-01-01 --help >/dev/null 2>&1; then args+=(--now 2026-01-01); fi
fi

echo "== loads, $LOADS of each, alternating"
sql=$(section load)
echo "${sql//@CSV@/$CSV}" >"$TMP/load.sql"
sql=$(section pair)
sql=${sql//@A@/${A//\'/\'\'}}
echo "${sql//@B@/${B//\'/\'\'}}" >"$TMP/pair.sql"
section all >"$TMP/all.sql"
for _ in $(seq "$LOADS"); do
  rm -f "$TMP/s.db"
  measure sh_load sqlite3 "$TMP/s.db" <"$TMP/load.sql"
  if [[ -n $bin ]]; then
    rm -f "$TMP"/d.db*
    if measure dl_import "$bin" "${args[@]}" import "$CSV"; then dl=import; else
      echo "dateline import failed"
      bin= dl=none
    fi
  fi
done
echo "load: shell $(sort -n "$TMP/sh_load.runs" | cut -d' ' -f1 | tr '\n' ' ')s${bin:+; dateline $(sort -n "$TMP/dl_import.runs" | cut -d' ' -f1 | tr '\n' ' ')s}"

echo "== sqlite3 shell"
for _ in 1 2 3 4 5; do measure sh_pair sqlite3 "$TMP/s.db" <"$TMP/pair.sql"; done
for _ in 1 2 3; do measure sh_all sqlite3 "$TMP/s.db" <"$TMP/all.sql"; done
echo "pair: $(cat "$TMP/sh_pair.out") (count|first|last|min|max|mean gap); all pairs: $(wc -l <"$TMP/sh_all.out") rows"

if [[ $dl == import ]]; then
  echo "== dateline"
  head -n3 "$TMP/dl_import.out"
  for _ in 1 2 3 4 5; do measure dl_pair "$bin" "${args[@]}" gaps "$A" "$B" || { dl=partial; break; }; done
  for _ in 1 2 3; do measure dl_all "$bin" "${args[@]}" gaps --all || { dl=partial; break; }; done
  [[ $dl == partial ]] || dl=all
  echo "gaps A B: $(wc -l <"$TMP/dl_pair.out") lines, last: $(tail -n1 "$TMP/dl_pair.out")"
  echo "gaps --all: $(wc -l <"$TMP/dl_all.out") lines"
fi

echo
echo "== busiest pair: $A -- $B"
printf '%-10s %18s %18s %7s %7s  %s\n' step "sqlite3 shell" dateline ratio target result
peak=0
row() { # step shell-label dateline-label target-ratio
  local s skb d dkb ratio=- result=- dcol=n/a
  read -r s skb < <(stat "$2")
  if [[ -s $TMP/$3.runs ]]; then
    read -r d dkb < <(stat "$3")
    ((dkb > peak)) && peak=$dkb
    dcol="$d s $((dkb / 1024)) MB"
    ratio=$(awk -v d="$d" -v s="$s" 'BEGIN {printf "%.2f", d / s}')
    result=$(awk -v r="$ratio" -v t="$4" 'BEGIN {print (r <= t ? "PASS" : "FAIL")}')
  fi
  printf '%-10s %18s %18s %7s %7s  %s\n' "$1" "$s s $((skb / 1024)) MB" "$dcol" "$ratio" "<= $4" "$result"
}
row load sh_load dl_import 1
row pair sh_pair dl_pair 0.5
row "all pairs" sh_all dl_all 0.1
if [[ $dl == none ]]; then mem=n/a result=-; else
  mem="$((peak / 1024)) MB" result=$( ((peak < 200 * 1024)) && echo PASS || echo FAIL); fi
printf '%-10s %18s %18s %7s %7s  %s\n' memory - "$mem" - "< 200MB" "$result"
