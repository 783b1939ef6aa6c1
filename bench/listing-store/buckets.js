// The buckets the listing store holds, given at start: generated layouts (flat:N, grid:FOLDERS:PER_FOLDER) or a JSON
// list file. Every object gets what listings report (size, MD5, CRC32C, ETags, dates, content type), computed once
// here so that answering costs nothing but the walk and the text.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { SortedObjects, compareUtf16, compareCodePoints } = require("./sorted-objects");

class Bucket {
  constructor(name, objects) {
    this.name = name;
    this.objects = objects;
    this.byOrder = new Map();
    // The two key orders differ only for keys holding a surrogate pair; without one, one sorted copy serves both.
    this.ordersAgree = !objects.some((o) => /[\ud800-\udfff]/.test(o.key));
  }

  /** The objects in S3's order (UTF-8 bytes, code points). */
  get codePointOrder() {
    return this.sorted(this.ordersAgree ? compareUtf16 : compareCodePoints);
  }

  /** The objects in Azure's and GCS's order (UTF-16 code units). */
  get utf16Order() {
    return this.sorted(compareUtf16);
  }

  sorted(compare) {
    if (!this.byOrder.has(compare)) this.byOrder.set(compare, new SortedObjects(this.objects, compare));
    return this.byOrder.get(compare);
  }

  /** The object with exactly this key, or undefined. */
  find(key) {
    const sorted = this.utf16Order;
    const index = sorted.firstFrom(key);
    return sorted.keys[index] === key ? sorted.objects[index] : undefined;
  }
}

/** An object as listings report it. Without a given MD5 the content is notional, the seeder's own rule
 *  (tests/EncordSpec.TestSeeder/SeedObject.cs: byte i is 'a' + (i + key length) % 26), so a generated bucket's
 *  hashes are those of the same objects seeded into an emulator; above 64 KiB the key stands in for the content. */
function makeObject(key, size, modified, { md5Hex = null, crc32c = null, contentType = null, body = null } = {}) {
  const content = body ?? (md5Hex ? null : size <= 65536 ? notionalContent(key, size) : Buffer.from(key, "utf8"));
  const md5 = md5Hex ? Buffer.from(md5Hex, "hex") : crypto.createHash("md5").update(content).digest();
  const hex = md5.toString("hex");
  return {
    key,
    size,
    modified,
    contentType: contentType || "application/octet-stream",
    md5Hex: hex,
    md5Base64: md5.toString("base64"),
    crc32cBase64: content ? crc32cBase64(content) : crc32c,
    // Azure ETags are 0x and 15 hex digits; GCS ETags are opaque base64. Both derive from the content here.
    azureEtag: "0x8D" + hex.slice(0, 13).toUpperCase(),
    gcsEtag: md5.subarray(0, 12).toString("base64"),
    generation: String(modified * 1000 + (md5.readUInt16BE(0) % 1000)),
    // Real bytes to answer ranged GETs with (media benchmarks); null for the listing-only objects.
    body,
  };
}

function notionalContent(key, size) {
  const content = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) content[i] = 97 + ((i + key.length) % 26);
  return content;
}

const crc32cTable = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC32C (Castagnoli), big-endian base64 as GCS reports it. */
function crc32cBase64(bytes) {
  let crc = -1;
  for (const byte of bytes) crc = crc32cTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const out = Buffer.alloc(4);
  out.writeUInt32BE((crc ^ -1) >>> 0);
  return out.toString("base64");
}

/**
 * NAME=LAYOUT, where LAYOUT is
 *   flat:N                  N keys img-000000.jpg ... directly in the bucket;
 *   grid:FOLDERS:PER_FOLDER the benchmarks' emulator bucket: folder-000/img-00000.jpg ... (SeedSets.Grid);
 *   images:N:FOLDER         N keys img-000000.EXT ... whose bodies are the PNG, JPEG and WebP files of FOLDER in
 *                           turn (tests/Data/Media: real small images), for ranged GETs of their headers;
 *   file:PATH               a JSON array of keys, or of { "key", "size", "md5" (hex), "crc32c" (base64),
 *                           "contentType", "lastModified" } (an MD5 given without a CRC32C: GCS listings leave it out).
 * Generated objects are 1 to 50 bytes (1 + n % 50), as the seeder makes them, all modified at `now`.
 */
function loadBucket(spec, now) {
  const match = /^([^=]+)=(flat|grid|images|file):(.+)$/.exec(spec);
  if (!match) throw new Error(`Bucket '${spec}' is not NAME=flat:N, NAME=grid:FOLDERS:PER_FOLDER, NAME=images:N:FOLDER or NAME=file:PATH.`);
  const [, name, kind, rest] = match;
  const objects = [];
  if (kind === "flat") {
    const count = positiveInteger(rest, spec);
    for (let n = 0; n < count; n++) objects.push(makeObject(`img-${pad(n, 6)}.jpg`, 1 + (n % 50), now));
  } else if (kind === "grid") {
    const [folders, perFolder] = rest.split(":").map((part) => positiveInteger(part, spec));
    for (let n = 0; n < folders * perFolder; n++) {
      const key = `folder-${pad(Math.floor(n / perFolder), 3)}/img-${pad(n % perFolder, 5)}.jpg`;
      objects.push(makeObject(key, 1 + (n % 50), now));
    }
  } else if (kind === "images") {
    const cut = rest.indexOf(":");
    const count = positiveInteger(rest.slice(0, cut), spec);
    const folder = rest.slice(cut + 1);
    const images = fs.readdirSync(folder).filter((name) => /\.(png|jpe?g|webp)$/i.test(name)).sort()
      .map((name) => ({ extension: path.extname(name).toLowerCase(), body: fs.readFileSync(path.join(folder, name)) }));
    if (!images.length) throw new Error(`Bucket '${spec}': no PNG, JPEG or WebP file in ${folder}.`);
    for (let n = 0; n < count; n++) {
      const image = images[n % images.length];
      objects.push(makeObject(`img-${pad(n, 6)}${image.extension}`, image.body.length, now, { body: image.body }));
    }
  } else {
    for (const entry of JSON.parse(fs.readFileSync(rest, "utf8"))) {
      const item = typeof entry === "string" ? { key: entry } : entry;
      const modified = item.lastModified ? Math.floor(Date.parse(item.lastModified) / 1000) * 1000 : now;
      objects.push(makeObject(item.key, item.size ?? 0, modified, { md5Hex: item.md5, crc32c: item.crc32c, contentType: item.contentType }));
    }
  }
  return new Bucket(name, objects);
}

function positiveInteger(text, spec) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`Bucket '${spec}': '${text}' is not a positive whole number.`);
  return value;
}

function pad(n, width) {
  return String(n).padStart(width, "0");
}

module.exports = { Bucket, loadBucket, makeObject };
