"""The format page's own approach to writing a spec: build the whole list, then json.dump(..., indent=4).

Usage: write_spec.py KEYS_TXT OUT_JSON   (one object URL per line)
"""
import json
import sys

images = []
with open(sys.argv[1], encoding="utf-8") as keys:
    for line in keys:
        images.append({"objectUrl": line.rstrip("\n")})

with open(sys.argv[2], "w", encoding="utf-8") as output:
    json.dump({"images": images}, output, indent=4)
