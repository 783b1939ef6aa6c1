"""What a user would script to group a listing's images by folder: build every group, then json.dump(..., indent=4).

Usage: write_group_spec.py KEYS_TXT OUT_JSON   (one object URL per line)
"""
import json
import sys

groups = {}
with open(sys.argv[1], encoding="utf-8") as keys:
    for line in keys:
        url = line.rstrip("\n")
        folder = url.rsplit("/", 1)[0]
        groups.setdefault(folder, []).append(url)

spec = {"image_groups": []}
for folder, urls in groups.items():
    group = {"title": folder.rsplit("/", 1)[1], "createVideo": True}
    for i, url in enumerate(sorted(urls)):
        group[f"objectUrl_{i}"] = url
    spec["image_groups"].append(group)

with open(sys.argv[2], "w", encoding="utf-8") as output:
    json.dump(spec, output, indent=4)
