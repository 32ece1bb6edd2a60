#!/usr/bin/env bash
# Speed of `dateline import --format gdelt` (issue 5, point 4): a generated GDELT
# 2.0 event file (benches/gen_gdelt.py) imported by dateline, against the sqlite3
# shell loading the same file into one 61-column table:
#   sqlite3 -cmd '.mode tabs' x.db '.import FILE t'                   target: dateline <= 1x
# Each run is its own process on a fresh database, wall-clock, peak RSS from
# /usr/bin/time; the two tools take turns, RUNS times each, and the medians are
# compared. A second dateline import of the same file into its database (which
# must add nothing) is timed too.
#
#   benches/gdelt.sh                   # 1,000,000 rows, 20 % of them contacts
#   N=100000 benches/gdelt.sh          # a quick run
#   CONTACTS=1 benches/gdelt.sh        # every row a contact (the worst case)
#   KEEP=1 benches/gdelt.sh            # keep the temporary folder
#   TMPDIR=/somewhere benches/gdelt.sh # where it goes (about 450 MB at 1M rows)
set -euo pipefail

N=${N:-1000000} CONTACTS=${CONTACTS:-0.2} SEED=${SEED:-1} RUNS=${RUNS:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d)
if [[ ${KEEP:-0} == 1 ]]; then echo "files in $TMP"; else trap 'rm -rf "$TMP"' EXIT; fi

for tool in sqlite3:sqlite3 /usr/bin/time:time; do
  command -v "${tool%%:*}" >/dev/null ||
    { apt-get update -qq && apt-get install -y -qq "${tool#*:}" >/dev/null; }
done

# measure LABEL CMD...: run CMD (stdout to $TMP/LABEL.out), append "seconds peak-KB"
# to $TMP/LABEL.runs.
measure() {
  local label=$1 t0 t1
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f %M -o "$TMP/rss" "$@" >"$TMP/$label.out"
  t1=$(date +%s.%N)
  echo "$t0 $t1 $(tail -n1 "$TMP/rss")" | awk '{printf "%.3f %d\n", $2 - $1, $3}' >>"$TMP/$label.runs"
}
# median seconds and largest peak KB of a label's runs: "secs kb"
median() { sort -n "$TMP/$1.runs" | awk '{t[NR] = $1; if ($2 > m) m = $2} END {print t[int((NR + 1) / 2)], m}'; }

FILE=$TMP/20240101000000.export.CSV
echo "== $N GDELT rows, contacts $CONTACTS, seed $SEED; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
python3 "$root/benches/gen_gdelt.py" -n "$N" --contacts "$CONTACTS" --seed "$SEED" -o "$FILE"
echo "file: $(($(stat -c %s "$FILE") / 1000000)) MB"
(cd "$root" && cargo build --release -q)
bin=${CARGO_TARGET_DIR:-$root/target}/release/dateline

cols=$(seq -s, -f 'c%g' 0 60)
for i in $(seq "$RUNS"); do
  rm -f "$TMP/s.db" "$TMP/d.db"*
  sqlite3 "$TMP/s.db" "CREATE TABLE t($cols)"
  measure sqlite sqlite3 -cmd '.mode tabs' "$TMP/s.db" ".import $FILE t"
  measure dateline "$bin" --db "$TMP/d.db" import --format gdelt "$FILE"
done
measure again "$bin" --db "$TMP/d.db" import --format gdelt "$FILE"

echo "sqlite3: $(sqlite3 "$TMP/s.db" 'SELECT count(*) FROM t') rows in t"
echo "dateline: $(cat "$TMP/dateline.out")"
echo "again:    $(cat "$TMP/again.out")"
read -r s skb < <(median sqlite)
read -r d dkb < <(median dateline)
read -r a akb < <(median again)
printf '%-22s %8s %8s\n' step seconds "peak MB"
printf '%-22s %8s %8s\n' "sqlite3 .import" "$s" "$((skb / 1024))"
printf '%-22s %8s %8s\n' "dateline import" "$d" "$((dkb / 1024))"
printf '%-22s %8s %8s\n' "dateline import again" "$a" "$((akb / 1024))"
awk -v d="$d" -v s="$s" 'BEGIN {r = d / s; printf "ratio dateline/sqlite3: %.2f (target <= 1): %s\n", r, (r <= 1 ? "PASS" : "FAIL")}'
