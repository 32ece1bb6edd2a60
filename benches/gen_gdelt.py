#!/usr/bin/env python3
"""Generate a GDELT 2.0 event export file for the import benchmark (benches/gdelt.sh).

Writes N rows (default 1,000,000) in the exact layout of GDELT 2.0 `*.export.CSV`
files: 61 tab-separated columns, no header, fields in the order of the GDELT 2.0
Event Codebook (GLOBALEVENTID, SQLDATE, MonthYear, Year, FractionDate, ten Actor1
fields, ten Actor2 fields, IsRootEvent, EventCode, EventBaseCode, EventRootCode,
QuadClass, GoldsteinScale, NumMentions, NumSources, NumArticles, AvgTone, three
geography blocks of eight, DATEADDED, SOURCEURL). Deterministic for a given --seed.

The mix follows what real event files hold, roughly:
- event codes: --contacts of the rows (default 0.2) are consultations, 040 to 046
  (041 call, 042/043 visit, 040/044/045/046 meeting), the rest other CAMEO codes
  (statements, appeals, cooperation, protests, force...);
- actors: 3,000 named actors (people, governments, countries, organisations) drawn
  by Zipf rank; a quarter of the rows have no Actor2 and a few no Actor1;
- dates: 2016-01-01..2025-12-31, so that busy pairs meet again on the same day (such
  rows are one contact reported by several sources, as in GDELT itself);
- SOURCEURL: a news URL of 60 to 120 characters.

    python3 benches/gen_gdelt.py -o events.export.CSV [-n 1000000] [--contacts 0.2] [--seed 1]
"""

import argparse
import datetime
import itertools
import random
import sys

FIRST = """JAMES MARY ROBERT PATRICIA JOHN JENNIFER MICHAEL LINDA DAVID ELIZABETH OLAF
URSULA EMMANUEL GIORGIA PEDRO SANNA METTE KYRIAKOS VIKTOR JACINDA NARENDRA FUMIO
RECEP BENJAMIN VOLODYMYR MOHAMMED ABDEL CYRIL BOLA LUIZ ANDRES GUSTAVO JAVIER
GABRIEL CLAUDIA ANTONY SERGEI SUBRAHMANYAM PENNY MELANIE ANNALENA HAKAN EBRAHIM
NIKOL ILHAM SHAVKAT TAMIM ANWAR FERDINAND PRABOWO JOKO RANIL SHEHBAZ ABIY PAUL
FELIX JOAO ANA INES""".split()
LAST = """SMITH JOHNSON WILLIAMS BROWN JONES GARCIA MILLER DAVIS RODRIGUEZ MARTINEZ
HERNANDEZ LOPEZ GONZALEZ WILSON ANDERSON THOMAS TAYLOR MOORE JACKSON MARTIN SCHOLZ
MACRON MELONI SANCHEZ MARIN FREDERIKSEN MITSOTAKIS ORBAN ARDERN MODI KISHIDA ERDOGAN
ZELENSKY SISI RAMAPHOSA TINUBU MILEI PETRO BORIC SHEINBAUM BLINKEN LAVROV JAISHANKAR
WONG JOLY BAERBOCK FIDAN ARAGHCHI TOKAYEV PASHINYAN ALIYEV MIRZIYOYEV THANI IBRAHIM
MARCOS SUBIANTO WIDODO WICKREMESINGHE SHARIF HASINA AHMED KAGAME TSHISEKEDI""".split()
COUNTRIES = [
    ("USA", "UNITED STATES"), ("CHN", "CHINA"), ("RUS", "RUSSIA"), ("ISR", "ISRAEL"),
    ("IRN", "IRAN"), ("UKR", "UKRAINE"), ("FRA", "FRANCE"), ("DEU", "GERMANY"),
    ("GBR", "UNITED KINGDOM"), ("IND", "INDIA"), ("JPN", "JAPAN"), ("TUR", "TURKEY"),
    ("EGY", "EGYPT"), ("SAU", "SAUDI ARABIA"), ("BRA", "BRAZIL"), ("ZAF", "SOUTH AFRICA"),
    ("NGA", "NIGERIA"), ("MEX", "MEXICO"), ("IDN", "INDONESIA"), ("PAK", "PAKISTAN"),
    ("KOR", "SOUTH KOREA"), ("PRK", "NORTH KOREA"), ("QAT", "QATAR"), ("SYR", "SYRIA"),
]
TYPES = ["GOV", "GOV", "GOV", "MIL", "BUS", "MED", "OPP", "LEG", "JUD", "CVL"]
ORGS = [("IGOUNO", "UNITED NATIONS"), ("IGOEUREEC", "EUROPEAN UNION"), ("IGONAT", "NATO"),
        ("IGOWTO", "WORLD TRADE ORGANIZATION"), ("IGOIMF", "INTERNATIONAL MONETARY FUND")]
CONTACT_CODES = ["040", "041", "042", "043", "044", "045", "046"]
CONTACT_WEIGHTS = [30, 12, 10, 8, 6, 2, 12]
OTHER_CODES = ["010", "012", "013", "020", "036", "037", "043", "051", "057", "061",
               "071", "080", "090", "100", "111", "112", "120", "130", "141", "173",
               "180", "190", "193", "0211", "0231", "0311", "1122", "1711"]
OTHER_CODES = [c for c in OTHER_CODES if c not in CONTACT_CODES]
SITES = ["www.reuters.example", "apnews.example", "www.theguardian.example",
         "www.nytimes.example", "www.aljazeera.example", "www.dw.example",
         "timesofindia.example", "www.scmp.example", "www.lemonde.example"]
WORDS = """talks leaders meet call phone visit summit minister president agree discuss
security trade war peace ceasefire deal sanctions aid border energy climate""".split()


def actors(rng, count):
    """(code, name, country, type) tuples, unique names, most-cited first."""
    out, names = [], set()
    for code, name in COUNTRIES:
        out.append((code, name, code, ""))
        names.add(name)
    for code, name in ORGS:
        out.append((code, name, "", "IGO"))
        names.add(name)
    while len(out) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if rng.random() < 0.3:
            name = f"{rng.choice(FIRST)} {name}"
        if name in names:
            continue
        names.add(name)
        country, _ = rng.choice(COUNTRIES)
        kind = rng.choice(TYPES)
        out.append((country + kind, name, country, kind))
    rng.shuffle(out)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=1_000_000, help="rows")
    p.add_argument("--actors", type=int, default=3000)
    p.add_argument("--contacts", type=float, default=0.2, help="share of 040-046 rows")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args()
    rng = random.Random(a.seed)
    pool = actors(rng, a.actors)
    cum = list(itertools.accumulate(1 / (r + 1) ** 1.1 for r in range(len(pool))))
    contact_cum = list(itertools.accumulate(CONTACT_WEIGHTS))
    start = datetime.date(2016, 1, 1)
    days = (datetime.date(2025, 12, 31) - start).days + 1
    out = sys.stdout if a.output == "-" else open(a.output, "w", newline="")
    batch = []
    empty10 = [""] * 10
    gid = 1_100_000_000
    for i in range(a.n):
        gid += rng.randint(1, 3)
        day = start + datetime.timedelta(days=rng.randrange(days))
        sqldate = day.strftime("%Y%m%d")
        contact = rng.random() < a.contacts
        code = (rng.choices(CONTACT_CODES, cum_weights=contact_cum)[0] if contact
                else rng.choice(OTHER_CODES))
        a1, a2 = rng.choices(pool, cum_weights=cum, k=2)
        r = rng.random()
        f1 = empty10 if r < 0.03 else [a1[0], a1[1], a1[2], "", "", "", "", a1[3], "", ""]
        f2 = empty10 if r > 0.75 else [a2[0], a2[1], a2[2], "", "", "", "", a2[3], "", ""]
        root = code[:2]
        quad = "1" if root <= "05" else "2" if root <= "08" else "3" if root <= "14" else "4"
        tone = f"{rng.uniform(-10, 10):.11f}"
        geo1 = ["1", "United States", "US", "US", "", "39.828175", "-98.5795", "US"]
        geo2 = ["4", "Beijing, Beijing, China", "CH", "CH22", "", "39.9289", "116.388", "-1898541"]
        url = "https://{}/{}/{}-{}-{}.html".format(
            rng.choice(SITES), day.strftime("%Y/%m/%d"),
            "-".join(rng.choices(WORDS, k=rng.randint(3, 9))), rng.randint(1000, 99999999),
            "story")
        row = ([str(gid), sqldate, sqldate[:6], sqldate[:4], f"{day.year + day.timetuple().tm_yday / 365:.4f}"]
               + f1 + f2
               + ["1", code, code[:3], root, quad, f"{rng.choice([-10, -5, 1, 3.4, 7]):.1f}",
                  str(rng.randint(1, 40)), str(rng.randint(1, 5)), str(rng.randint(1, 40)), tone]
               + (geo1 if f1 is not empty10 else ["0"] + [""] * 7)
               + (geo2 if f2 is not empty10 else ["0"] + [""] * 7)
               + geo2
               + [sqldate + "%02d%02d00" % (rng.randrange(24), rng.randrange(0, 60, 15)), url])
        batch.append("\t".join(row))
        if len(batch) == 10000:
            out.write("\n".join(batch) + "\n")
            batch.clear()
    if batch:
        out.write("\n".join(batch) + "\n")
    out.close()


if __name__ == "__main__":
    main()
