"""Writes an image-group spec: N groups of K image URLs each, indented like the format page's script.

Usage: make_group_spec.py N K OUT_JSON
"""
import json
import sys

groups, per_group = int(sys.argv[1]), int(sys.argv[2])
base = "https://cord-dev.s3.eu-west-2.amazonaws.com/sequences"
spec = {"image_groups": []}
for g in range(groups):
    group = {"title": f"sequence-{g:06d}", "createVideo": g % 2 == 0}
    for i in range(per_group):
        group[f"objectUrl_{i}"] = f"{base}/sequence-{g:06d}/frame-{i:04d}.jpg"
    spec["image_groups"].append(group)
with open(sys.argv[3], "w", encoding="utf-8") as output:
    json.dump(spec, output, indent=4)
