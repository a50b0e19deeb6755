#!/usr/bin/env python3
"""Build companies.jsonl from the French i-Lab laureates open dataset.

Source dataset: "Lauréats du concours national d'aide à la création d'entreprises
de technologies innovantes (i-Lab)", French Ministry of Higher Education and
Research (MESR), dataset id fr-esr-laureats-concours-national-i-lab,
Licence Ouverte / Open Licence v2.0 (Etalab).  See SOURCE.md.

Standard library only.  Two ways to give it the source CSV (';'-separated, UTF-8 with BOM):

  python3 build.py --csv fr-esr-laureats-concours-national-i-lab.csv
  python3 build.py --git-dir /path/to/French-Tech-Open-Data.git   # GitHub mirror, pinned blob

Output: one JSON object per line with
  id, name, title, text, label, sublabel, lang, year
Personal data in the source (laureate first/last name, gender, e-mail, IdRef)
is NOT copied.  E-mail addresses occurring inside the summary text are redacted.
"""

import argparse
import collections
import csv
import hashlib
import io
import json
import re
import subprocess
import sys

# Pinned copy on GitHub (mirror of the official export, Jan 2026).
MIRROR_REPO = "chobrien99-svg/French-Tech-Open-Data"
MIRROR_COMMIT = "ad8030df5ba32c7842226400965471fb2dface92"
MIRROR_PATH = "data/ilab/fr-esr-laureats-concours-national-i-lab.csv"
MIRROR_BLOB = "2f06db9c32a0dc3990702a08857479f7d01b03b2"

# The jury's "Domaine technologique" was renamed twice (1999-2008, 2009-2013, 2014-2025).
# label    = harmonised English sector (6 classes, stable across years)
# sublabel = the original French domain label of that year's competition
SECTOR = {
    # software / digital
    "Services informatiques et autres": "Software, IT & digital",
    "Informatique, logiciel & TIC": "Software, IT & digital",
    "Numérique, technologies logicielles & communication": "Software, IT & digital",
    # electronics
    "Électronique, Signal & Télécommunications": "Electronics, signal & telecom",
    "Électronique, traitement du signal & instrumentation": "Electronics, signal & telecom",
    # pharma / biotech
    "Biotechnologies et pharmacie": "Pharma & biotech",
    "Pharmacie, Sciences du vivant & Biotechnologies": "Pharma & biotech",
    "Pharmacie & biotechnologies": "Pharma & biotech",
    # medtech (own category only from 2014)
    "Technologies médicales": "Medical technologies",
    # chemistry / materials / environment
    "Chimie et matériaux": "Chemistry, materials & environment",
    "Chimie & Sciences des matériaux": "Chemistry, materials & environment",
    "Chimie & environnement": "Chemistry, materials & environment",
    "Chimie & Environnement": "Chemistry, materials & environment",
    # mechanics / process engineering / industrial
    "Mécanique & Travail des métaux": "Mechanics, materials & industrial processes",
    "Génie des procédés": "Mechanics, materials & industrial processes",
    "Matériaux, mécanique & procédés industriels": "Mechanics, materials & industrial processes",
}

MIN_WORDS = 8
EMAIL_RE = re.compile(r"\S+(?:<at>|@)\S+")
WS_RE = re.compile(r"\s+")


def clean(s):
    s = (s or "").replace("_x000D_", " ").replace("\x92", "'")
    s = EMAIL_RE.sub("[email]", s)
    return WS_RE.sub(" ", s).strip()


def read_source(args):
    if args.csv:
        data = open(args.csv, "rb").read()
    else:
        data = subprocess.run(
            ["git", "--git-dir", args.git_dir, "cat-file", "-p", MIRROR_BLOB],
            check=True,
            capture_output=True,
        ).stdout
    print(f"source bytes={len(data)} sha256={hashlib.sha256(data).hexdigest()}", file=sys.stderr)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def main():
    ap = argparse.ArgumentParser()
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--csv", help="path to the official CSV export")
    g.add_argument("--git-dir", help=f"git dir of a clone/snapshot of {MIRROR_REPO}")
    ap.add_argument("--out", default="companies.jsonl")
    args = ap.parse_args()

    rows = read_source(args)
    stats = collections.Counter(rows_in=len(rows))
    seen_text, used_ids, out = set(), set(), []
    for r in rows:
        year = (r.get("Année de concours") or "").strip()
        raw_label = (r.get("Domaine technologique") or "").strip()
        text = clean(r.get("Résumé"))
        title = clean(r.get("Moto"))
        company = clean(r.get("Libellé entreprise"))
        if raw_label not in SECTOR:
            stats["drop_unknown_label"] += 1
            continue
        if len(text.split()) < MIN_WORDS:
            stats["drop_short_or_empty_text"] += 1
            continue
        key = text.lower()
        if key in seen_text:
            stats["drop_duplicate_text"] += 1
            continue
        seen_text.add(key)
        base = (r.get("Identifiant") or "").strip() or (r.get("Dossier Aide") or "").strip()
        if not base:
            base = hashlib.sha1(f"{year}|{title}|{text}".encode()).hexdigest()[:12]
        rid = f"ilab-{base}"
        if rid in used_ids:
            rid = f"ilab-{year}-{base}"
        n = 2
        while rid in used_ids:
            rid = f"ilab-{year}-{base}-{n}"
            n += 1
        used_ids.add(rid)
        out.append(
            {
                "id": rid,
                "name": company or title or rid,
                "title": title,
                "text": text,
                "label": SECTOR[raw_label],
                "sublabel": raw_label,
                "lang": "fr",
                "year": int(year) if year.isdigit() else None,
            }
        )
    with open(args.out, "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    stats["rows_out"] = len(out)
    print(json.dumps(dict(stats), ensure_ascii=False), file=sys.stderr)
    print(
        json.dumps(collections.Counter(o["label"] for o in out).most_common(), ensure_ascii=False),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
