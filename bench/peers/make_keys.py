"""Writes N object URLs, one per line, 100 per folder, as a bucket listing would give them (sorted by key).

Usage: make_keys.py N OUT_TXT
"""
import sys

count = int(sys.argv[1])
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(count):
        out.write(f"https://cord-dev.s3.eu-west-2.amazonaws.com/food-dataset/folder-{i // 100:05d}/image-{i:07d}.jpg\n")
