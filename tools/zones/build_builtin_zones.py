#!/usr/bin/env python3
"""Builds Watchkeeper's built-in zone sets from the raw public data in data/ports/ (gzipped CSV and GeoJSON).

Writes watchkeeper-server/src/main/resources/zones/{wpi,amsa,gfw-anchorages}.geojson.gz: GeoJSON
FeatureCollections in the format ZoneGeoJson reads (see docs/zones.md), coordinates rounded to 5 decimals
(about 1 m), gzip with a fixed timestamp so a rerun on the same input gives the same bytes.

Usage (standard library only; the defaults are the repository's own folders, wherever it is run from):
    python3 tools/zones/build_builtin_zones.py [--data data] [--out watchkeeper-server/src/main/resources/zones]
"""
import argparse
import csv
import gzip
import io
import json
import os
import sys

# tools/zones/ sits two levels below the repository root.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DECIMALS = 5

# WPI gives one position per port, usually to the nearest minute (about 1.8 km), so a radius below ~2 km
# would miss ports whose point sits on land. Bigger harbours cover more water. Blank size: the 3 km
# GFW port-entry distance.
WPI_RADIUS_BY_HARBOR_SIZE = {"Very Small": 2000, "Small": 3000, "Medium": 4000, "Large": 6000}
WPI_DEFAULT_RADIUS = 3000

# GFW: a vessel is in port within 3 km of an anchorage point (exit beyond 4 km). With radius_m 3000 the
# zone's "inside" is exactly GFW's entry rule; the exit rule is distanceMetres > 1000 (needs margin >= 1 km).
GFW_RADIUS = 3000


def rnd(x):
    return round(float(x), DECIMALS)


def write(out_dir, name, attribution, features):
    collection = {"type": "FeatureCollection", "name": name, "attribution": attribution, "features": features}
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    path = os.path.join(out_dir, name + ".geojson.gz")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(text)
    print(f"{path}: {len(features)} features, {os.path.getsize(path)} bytes", file=sys.stderr)


def point(id_, name, kind, radius, lat, lon, extra=None):
    props = {"id": id_, "name": name, "kind": kind, "radius_m": radius}
    if extra:
        props.update(extra)
    return {"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [rnd(lon), rnd(lat)]}}


def valid(lat, lon):
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0


def build_wpi(data, out):
    path = os.path.join(data, "ports/nga-world-port-index/UpdatedPub150.csv.gz")
    features, seen, skipped = [], set(), []
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            number = row["World Port Index Number"].strip()
            lat, lon = float(row["Latitude"]), float(row["Longitude"])
            if number in seen or not valid(lat, lon):
                skipped.append(number)  # two index numbers appear twice (the same port, spelt two ways)
                continue
            seen.add(number)
            radius = WPI_RADIUS_BY_HARBOR_SIZE.get(row["Harbor Size"].strip(), WPI_DEFAULT_RADIUS)
            extra = {}
            locode = row["UN/LOCODE"].replace('"', "").replace(" ", "").strip()
            if locode:
                extra["unlocode"] = locode
            features.append(point("wpi-" + number, row["Main Port Name"].strip(), "port", radius, lat, lon, extra))
    print(f"wpi: skipped {skipped}", file=sys.stderr)
    write(out, "wpi", "World Port Index (NGA Pub. 150), US Government work, public domain; via "
          "jordanbell2357/uscg-nais-data (MIT)", features)


def clean_ring(ring):
    out = []
    for lon, lat in ((rnd(p[0]), rnd(p[1])) for p in ring):
        if not out or out[-1] != [lon, lat]:
            out.append([lon, lat])
    if out[0] != out[-1]:
        out.append(list(out[0]))
    return out


def clean_polygon(rings):
    cleaned = [clean_ring(r) for r in rings]
    if len(cleaned[0]) < 4:
        raise ValueError("exterior ring collapsed by rounding")
    return [cleaned[0]] + [r for r in cleaned[1:] if len(r) >= 4]


def build_amsa(data, out):
    path = os.path.join(data, "ports/amsa-port-visit-polygons/amsa_port_visit_polygons.geojson.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        source = json.load(f)
    # One zone per port: a shapefile with several shapes (Burnie has two) becomes one MultiPolygon.
    polygons, props_by_abbrev = {}, {}
    for feature in source["features"]:
        props, geom = feature["properties"], feature["geometry"]
        parts = [geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"]
        polygons.setdefault(props["port_abbrev"], []).extend(clean_polygon(p) for p in parts)
        props_by_abbrev.setdefault(props["port_abbrev"], props)
    features = []
    for abbrev, parts in polygons.items():
        props = props_by_abbrev[abbrev]
        geometry = {"type": "Polygon", "coordinates": parts[0]} if len(parts) == 1 \
            else {"type": "MultiPolygon", "coordinates": parts}
        features.append({"type": "Feature",
                         "properties": {"id": "amsa-" + abbrev, "name": props["port_name"], "kind": "port",
                                        "limit_name": props.get("dbf_limit_name", "")},
                         "geometry": geometry})
    write(out, "amsa", "AMSA port-visit polygons, amsa-code/risky (Apache-2.0)", features)


def build_gfw(data, out):
    path = os.path.join(data, "ports/gfw-anchorage-labels/anchorage_overrides.csv.gz")
    rows, invalid = {}, 0
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            lat, lon = float(row["latitude"]), float(row["longitude"])
            if not valid(lat, lon):
                invalid += 1
                continue
            rows.pop(row["s2id"], None)
            rows[row["s2id"]] = row  # a cell listed twice: the later row (the refined label) wins, in its place
    features = [point("gfw-" + s2id, row["label"].strip(), "anchorage", GFW_RADIUS, row["latitude"], row["longitude"],
                      {"iso3": row["iso3"]} if row["iso3"] else None)
                for s2id, row in rows.items()]
    print(f"gfw-anchorages: {len(rows)} distinct S2 cells, {invalid} rows with invalid coordinates skipped",
          file=sys.stderr)
    # The cells are the input of AnchorageAreasTool (Java), which merges them into one area per port
    # and writes the shipped resource zones/gfw-anchorages.geojson.gz; see docs/zones.md.
    write(os.path.join(os.path.dirname(os.path.abspath(__file__)), "cells"), "gfw-anchorage-cells",
          "Global Fishing Watch anchorages_pipeline, anchorage_overrides.csv (Apache-2.0)", features)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "data"))
    parser.add_argument("--out", default=os.path.join(ROOT, "watchkeeper-server/src/main/resources/zones"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    build_wpi(args.data, args.out)
    build_amsa(args.data, args.out)
    build_gfw(args.data, args.out)


if __name__ == "__main__":
    main()
