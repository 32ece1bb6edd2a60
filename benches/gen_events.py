#!/usr/bin/env python3
"""Generate a synthetic contact-event CSV for the speed benchmark (issue 3, point 7).

Writes N events (default 1,000,000) among A actors (default 5,000) in the DESIGN.md
event CSV columns `date,kind,actor1,actor2,source`, deterministic for a given --seed:

- pairs: both actors drawn by Zipf rank (s = 1.1), never an actor with itself, in
  random order (so the same pair appears as A,B and B,A): a few very busy pairs and
  a long tail;
- dates: 2000-01-01..2025-12-31, 60 % clustered around a few hundred "crisis" days,
  the rest uniform; a pair never has two compatible events on the same day, as
  dateline would merge them into one (another day and kind are drawn: the busiest
  pair, ~27,000 events at 1M rows, ends up with almost every day taken);
- kinds: mostly call / meeting, some visit / message;
- names: unique even case- and accent-insensitively, with spaces, accents,
  apostrophes, double quotes and commas to exercise CSV quoting;
- source: a news URL shared by the events of the same (date, story).

Prints the busiest pair to stderr and, with --pair-out FILE, writes its two names
to FILE, one a line (the benchmark queries that pair).

    python3 benches/gen_events.py -o events.csv [-n 1000000] [-a 5000] [--seed 1]
"""

import argparse
import csv
import datetime
import io
import itertools
import random
import sys
import unicodedata
from collections import Counter

FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William
Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Olaf Ursula Emmanuel
Giorgia Pedro Sanna Mette Kyriakos Viktor Jacinda Narendra Xi Fumio Yoon Recep Benjamin
Volodymyr Mohammed Abdel Cyril Bola William Luiz Andrés Gustavo Javier Gabriel Dina
Claudia Antony Sergei Wang Subrahmanyam Penny Mélanie Annalena Hakan Ali Ebrahim Kassym
Nikol Ilham Shavkat Tamim Anwar Ferdinand Prabowo Joko Pham Hun Ranil Shehbaz Sheikh
Abiy Paul William Ruto Félix João Zoë Søren Ólafur Jürgen Ana Inês""".split()

LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodríguez Martínez
Hernández López González Wilson Anderson Thomas Taylor Moore Jackson Martin Scholz
Macron Meloni Sánchez Marin Frederiksen Mitsotakis Orbán Ardern Modi Kishida Erdoğan
Zelensky Sisi Ramaphosa Tinubu Milei Petro Boric Sheinbaum Blinken Lavrov Jaishankar
Wong Joly Baerbock Fidan Araghchi Tokayev Pashinyan Aliyev Mirziyoyev Thani Ibrahim
Marcos Subianto Widodo Chính Manet Wickremesinghe Sharif Hasina Ahmed Kagame Tshisekedi
Lourenço Müller Nørgaard Guðmundsson Dvořák Kowalski Nowak Łukasz Papadopoulos
O'Brien O'Neill D'Amato N'Diaye""".split()

KINDS = ["call", "meeting", "visit", "message"]
KIND_WEIGHTS = [45, 35, 12, 8]
# Rows dateline would record as one event (same pair, same day, compatible kinds:
# a meeting and a visit are compatible) are avoided, so both tools hold N events.
SAME_EVENT = {"call": 0, "meeting": 1, "visit": 1, "message": 2}


def fold(name):
    """Case- and accent-insensitive key, as dateline matches names."""
    nfkd = unicodedata.normalize("NFKD", name)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold()


def make_names(count, rng):
    """Unique names; about 1 in 20 get a quoted nickname, 1 in 25 a ', Jr.' suffix."""
    combos = list(itertools.product(FIRST, LAST))
    rng.shuffle(combos)
    names, seen = [], set()
    for i in itertools.count():
        first, last = combos[i % len(combos)]
        roll = rng.random()
        if roll < 0.05:
            name = f'{first} "{last[:3]}" {last}'
        elif roll < 0.09:
            name = f"{first} {last}, Jr."
        else:
            name = f"{first} {last}"
        if i >= len(combos):  # more actors than combinations: add a generation
            name += f" {i // len(combos) + 1}"
        if fold(name) in seen:
            continue
        seen.add(fold(name))
        names.append(name)
        if len(names) == count:
            return names


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-n", "--events", type=int, default=1_000_000)
    ap.add_argument("-a", "--actors", type=int, default=5_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--zipf", type=float, default=1.1, help="Zipf exponent s")
    ap.add_argument("-o", "--output", default="-", help="CSV file (default stdout)")
    ap.add_argument("--pair-out", help="write the busiest pair's names here")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    names = make_names(args.actors, rng)  # names[rank]: rank 0 is the busiest actor
    ranks = range(args.actors)
    cum, total = [], 0.0
    for r in ranks:
        total += (r + 1) ** -args.zipf
        cum.append(total)

    first_day = datetime.date(2000, 1, 1)
    n_days = (datetime.date(2025, 12, 31) - first_day).days + 1
    iso = [(first_day + datetime.timedelta(d)).isoformat() for d in range(n_days)]
    centres = [rng.randrange(n_days) for _ in range(300)]

    # a table of days to draw from: 60 % a centre plus a gaussian offset, 40 % uniform
    day_table = [min(max(round(rng.gauss(rng.choice(centres), 15)), 0), n_days - 1)
                 if rng.random() < 0.6 else rng.randrange(n_days) for _ in range(1 << 17)]
    urls = [f"https://news.example.org/{d.replace('-', '/')}/story-" for d in iso]
    quoted = io.StringIO()  # names CSV-quoted once by the csv module, rows joined by hand
    csv.writer(quoted, lineterminator="\n").writerows([n] for n in names)
    qnames = quoted.getvalue().splitlines()
    assert len(qnames) == len(names)

    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    out.write("date,kind,actor1,actor2,source\n")
    busy = Counter()  # pairs among the top 100 ranks, where the busiest pair is
    seen, dups = set(), 0  # (pair, kind class, day) already written
    left = args.events
    while left:
        k = min(left, 100_000)
        left -= k
        a = rng.choices(ranks, cum_weights=cum, k=k)
        b = rng.choices(ranks, cum_weights=cum, k=k)
        for i in [i for i in range(k) if a[i] == b[i]]:
            while a[i] == b[i]:
                b[i] = rng.choices(ranks, cum_weights=cum)[0]
        ds, kinds = rng.choices(day_table, k=k), rng.choices(KINDS, KIND_WEIGHTS, k=k)
        for i, (x, y, d, kind) in enumerate(zip(a, b, ds, kinds)):
            pair = x * args.actors + y if x < y else y * args.actors + x
            if x < 100 and y < 100:
                busy[pair] += 1
            for _ in range(1000):  # another day and kind if the pair has this event
                key = (pair * 3 + SAME_EVENT[kind]) * n_days + d
                if key not in seen:
                    break
                d, kind = rng.randrange(n_days), rng.choice(KINDS)
            else:
                dups += 1
            seen.add(key)
            ds[i], kinds[i] = d, kind
        flips = format(rng.getrandbits(k), f"0{k}b")  # random order within the pair
        out.write("".join(
            f"{iso[d]},{kind},{qnames[x]},{qnames[y]},{urls[d]}{s}\n" if f == "0" else
            f"{iso[d]},{kind},{qnames[y]},{qnames[x]},{urls[d]}{s}\n"
            for d, kind, x, y, s, f in zip(ds, kinds, a, b, rng.choices(range(20), k=k), flips)))
    if out is not sys.stdout:
        out.close()

    (key, count), = busy.most_common(1)
    x, y = divmod(key, args.actors)
    print(f"busiest pair: {names[x]} -- {names[y]} ({count} events)", file=sys.stderr)
    if dups:
        print(f"warning: {dups} rows repeat an event of their pair (pairs too busy "
              f"for the date range)", file=sys.stderr)
    if args.pair_out:
        with open(args.pair_out, "w", encoding="utf-8") as f:
            f.write(f"{names[x]}\n{names[y]}\n")


if __name__ == "__main__":
    main()
