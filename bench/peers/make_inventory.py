#!/usr/bin/env python3
"""Writes an S3 Inventory report in the documented layout: ROOT/SOURCE/daily/data/part-N.csv.gz (no header, every
field quoted, keys URL-encoded as S3 writes them) and ROOT/SOURCE/daily/2026-01-01T00-00Z/manifest.json with
manifest.checksum. COUNT images in folders of PER_FOLDER, dealt over FILES data files in turn: each file in key order
and every file overlapping all others, so the reader merges all of them at once. With "shuffled", the rows are dealt in
a fixed random order instead, so no file is in key order (a report promises none) and every row goes through the sort.

usage: make_inventory.py ROOT SOURCE COUNT PER_FOLDER FILES [shuffled]
"""
import gzip, hashlib, json, os, random, sys, urllib.parse

root, source, count, per_folder, files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
shuffled = len(sys.argv) > 6 and sys.argv[6] == "shuffled"
config = os.path.join(root, source, "daily")
os.makedirs(os.path.join(config, "data"), exist_ok=True)
outs = []
for f in range(files):
    key = f"{source}/daily/data/part-{f}.csv.gz"
    outs.append((key, gzip.open(os.path.join(root, key), "wt", encoding="utf-8", compresslevel=1, newline="\n")))
order = list(range(count))
if shuffled:
    random.Random(20260101).shuffle(order)
for i, n in enumerate(order):
    key = f"folder {n // per_folder:05d}/img-{n % per_folder:05d}.jpg"
    etag = hashlib.md5(key.encode()).hexdigest()
    outs[i % files][1].write(f'"{source}","{urllib.parse.quote_plus(key, safe="*")}","","true","false","{1 + n % 50}",'
                             f'"2026-01-01T00:00:00.000Z","{etag}","STANDARD"\n')
entries = []
for key, out in outs:
    out.close()
    path = os.path.join(root, key)
    with open(path, "rb") as data:
        entries.append({"key": key, "size": os.path.getsize(path), "MD5checksum": hashlib.md5(data.read()).hexdigest()})
manifest = json.dumps({
    "sourceBucket": source, "destinationBucket": "arn:aws:s3:::inventory-destination", "version": "2016-11-30",
    "creationTimestamp": "1767225600000", "fileFormat": "CSV",
    "fileSchema": "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, LastModifiedDate, ETag, StorageClass",
    "files": entries}, indent=2).encode()
run = os.path.join(config, "2026-01-01T00-00Z")
os.makedirs(run, exist_ok=True)
with open(os.path.join(run, "manifest.json"), "wb") as out:
    out.write(manifest)
with open(os.path.join(run, "manifest.checksum"), "w") as out:
    out.write(hashlib.md5(manifest).hexdigest())
print(os.path.join(run, "manifest.json"))
