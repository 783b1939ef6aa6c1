"""What a user would script instead of Test-EncordSpec: json.load the spec, check every object URL for whitespace
and every group for a title. Prints the number of problems; exit code 1 when there are any.

Usage: validate_spec.py SPEC_JSON
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as spec_file:
    spec = json.load(spec_file)

problems = 0
for section in ("images", "videos", "audio"):
    for item in spec.get(section, []):
        url = item.get("objectUrl")
        if not isinstance(url, str) or not url or any(c.isspace() for c in url):
            problems += 1
for section in ("image_groups", "dicom_series"):
    for group in spec.get(section, []):
        if not isinstance(group.get("title"), str) or not group["title"]:
            problems += 1
        for key, url in group.items():
            if key.startswith("objectUrl_") and (not isinstance(url, str) or any(c.isspace() for c in url)):
                problems += 1

print(problems, "problems")
sys.exit(1 if problems else 0)
