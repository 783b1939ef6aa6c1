// The objects of one bucket sorted in one key order, and the walk every listing API shares: the keys under a prefix
// from a start position, rolled up at a delimiter into common prefixes, a page of entries at a time.
"use strict";

/** UTF-16 code unit order (JavaScript's own string order): Azure Blob and GCS, as the module's KeyOrder has it. */
function compareUtf16(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code point order, which is UTF-8 byte order: S3. It differs from UTF-16 order only where a surrogate pair (a
 *  character above U+FFFF) meets a character in U+E000-U+FFFF, so only those move. */
function compareCodePoints(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

function rank(unit) {
  return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
}

class SortedObjects {
  /** @param objects records with at least `key`; sorted here (a copy) by `compare`. */
  constructor(objects, compare) {
    this.compare = compare;
    this.objects = objects.slice().sort((a, b) => compare(a.key, b.key));
    this.keys = this.objects.map((o) => o.key);
  }

  /** The first index whose key is >= key (or > key when `exclusive`). */
  firstFrom(key, exclusive = false) {
    let low = 0, high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = this.compare(this.keys[middle], key);
      if (order < 0 || (exclusive && order === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** From `from`, whose key starts with `prefix` or sorts after all that do, the first index whose key does not
   *  start with it: the keys sharing a prefix are contiguous in either order. */
  endOfPrefix(prefix, from) {
    let low = from, high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle].startsWith(prefix)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The index range of the keys under `prefix`, narrowed by the request's start and end:
   *  resume: where the previous page stopped ({ key } or { group }, both exclusive);
   *  from: inclusive start key (Azure startFrom, GCS startOffset); endBefore: exclusive end key (GCS endOffset). */
  range({ prefix = "", resume = null, from = null, endBefore = null }) {
    let start = this.firstFrom(prefix);
    let end = this.endOfPrefix(prefix, start);
    if (resume) start = Math.max(start, this.resumeIndex(resume));
    if (from !== null) start = Math.max(start, this.firstFrom(from));
    if (endBefore !== null) end = Math.min(end, this.firstFrom(endBefore));
    return { start, end };
  }

  /** Where a listing resumes after an entry: after a key, or after every key of a common prefix. */
  resumeIndex(resume) {
    if (resume.group !== undefined) return this.endOfPrefix(resume.group, this.firstFrom(resume.group));
    return this.firstFrom(resume.key, true);
  }

  /** One page: at most `max` entries from the range, each an object ({ object }) or, with a delimiter, a common
   *  prefix ({ prefix }) standing for every key that holds the delimiter after `prefix`; a common prefix counts as one
   *  entry, as on every store. `trailingItems` (GCS includeTrailingDelimiter) also lists an object named exactly
   *  like its common prefix. Returns the entries, the last one as a resume point, and whether more follow. */
  page({ prefix = "", delimiter = "", start, end, max, trailingItems = false }) {
    const entries = [];
    let index = start, last = null;
    while (index < end && entries.length < max) {
      const key = this.keys[index];
      const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      if (cut < 0) {
        entries.push({ object: this.objects[index] });
        last = { key };
        index++;
        continue;
      }
      const group = key.slice(0, cut + delimiter.length);
      entries.push({ prefix: group });
      if (trailingItems && key === group) entries.push({ object: this.objects[index] });
      last = { group };
      index = this.endOfPrefix(group, index);
    }
    return { entries, last, truncated: index < end };
  }
}

module.exports = { SortedObjects, compareUtf16, compareCodePoints };
