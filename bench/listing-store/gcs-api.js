// The GCS JSON API (http://host/storage/v1/...), as far as listing needs it: objects.list (prefix, delimiter,
// pageToken, maxResults, startOffset, endOffset, includeTrailingDelimiter), objects.get and buckets.get of metadata,
// buckets.list. Authorization is not checked.
"use strict";
const { encodeToken, decodeToken, isoDate, send } = require("./responses");

const maxPageSize = 1000;

function handleGcs(request, response, url, store) {
  if (request.method !== "GET" && request.method !== "HEAD") return error(request, response, 405, "Method not allowed.", "methodNotAllowed");
  // storage/v1/b[/BUCKET[/o[/OBJECT]]], the object name percent-encoded into one segment.
  const parts = url.pathname.split("/").slice(3).map(decodeURIComponent);
  if (parts.length === 0 || parts[0] !== "b") return error(request, response, 404, "Not Found", "notFound");
  if (parts.length === 1) return listBuckets(request, response, store);
  const bucket = store.buckets.get(parts[1]);
  if (!bucket) return error(request, response, 404, "The specified bucket does not exist.", "notFound");
  if (parts.length === 2) return json(request, response, bucketResource(bucket, store));
  if (parts[2] !== "o") return error(request, response, 404, "Not Found", "notFound");
  if (parts.length === 3) return listObjects(request, response, url, bucket);
  const o = bucket.find(parts.slice(3).join("/"));
  return o ? json(request, response, objectJson(o, bucket)) : error(request, response, 404, `No such object: ${bucket.name}/${parts.slice(3).join("/")}`, "notFound");
}

/** objects.list: names in UTF-16 code unit order; items and prefixes together at most maxResults (at most 1,000), a
 *  prefix listed on the page that reaches it only; startOffset inclusive, endOffset exclusive. */
function listObjects(request, response, url, bucket) {
  const query = url.searchParams;
  if (query.has("matchGlob")) return error(request, response, 501, "matchGlob is not implemented by this listing store.", "notImplemented");
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const maxText = query.get("maxResults");
  const max = maxText === null || maxText === "0" ? maxPageSize : Number(maxText);
  if (!Number.isInteger(max) || max < 0) return error(request, response, 400, `Invalid unsigned integer value: '${maxText}'.`, "invalidParameter");
  const token = query.get("pageToken");
  const resume = token ? decodeToken(token) : null;
  if (token && !resume) return error(request, response, 400, "Invalid page token.", "invalid");

  const sorted = bucket.utf16Order;
  const { start, end } = sorted.range({ prefix, resume, from: query.get("startOffset") || null, endBefore: query.get("endOffset") || null });
  const page = sorted.page({ prefix, delimiter, start, end, max: Math.min(max, maxPageSize), trailingItems: query.get("includeTrailingDelimiter") === "true" });

  const prefixes = [], items = [];
  for (const entry of page.entries) {
    if (entry.prefix !== undefined) prefixes.push(JSON.stringify(entry.prefix));
    else items.push(objectJson(entry.object, bucket));
  }
  let text = '{"kind":"storage#objects"';
  if (page.truncated) text += `,"nextPageToken":"${encodeToken(page.last)}"`;
  if (prefixes.length) text += `,"prefixes":[${prefixes.join(",")}]`;
  if (items.length) text += `,"items":[${items.join(",")}]`;
  return json(request, response, text + "}");
}

/** An object resource as objects.list and objects.get return it (projection noAcl), its links naming the cloud's
 *  endpoints as the service's do. */
function objectJson(o, bucket) {
  const path = `b/${encodeURIComponent(bucket.name)}/o/${encodeURIComponent(o.key)}`;
  const time = isoDate(o.modified);
  return `{"kind":"storage#object","id":${JSON.stringify(`${bucket.name}/${o.key}/${o.generation}`)},` +
    `"selfLink":"https://www.googleapis.com/storage/v1/${path}",` +
    `"mediaLink":"https://storage.googleapis.com/download/storage/v1/${path}?generation=${o.generation}&alt=media",` +
    `"name":${JSON.stringify(o.key)},"bucket":${JSON.stringify(bucket.name)},"generation":"${o.generation}","metageneration":"1",` +
    `"contentType":${JSON.stringify(o.contentType)},"storageClass":"STANDARD","size":"${o.size}","md5Hash":"${o.md5Base64}",` +
    (o.crc32cBase64 ? `"crc32c":"${o.crc32cBase64}",` : "") +
    `"etag":"${o.gcsEtag}","timeCreated":"${time}","updated":"${time}","timeStorageClassUpdated":"${time}","timeFinalized":"${time}"}`;
}

function bucketResource(bucket, store) {
  const time = isoDate(store.started);
  return JSON.stringify({
    kind: "storage#bucket", id: bucket.name, name: bucket.name, projectNumber: "0", metageneration: "1",
    location: "US", locationType: "multi-region", storageClass: "STANDARD", etag: "CAE=", timeCreated: time, updated: time,
  });
}

function listBuckets(request, response, store) {
  const items = [...store.buckets.values()].map((bucket) => bucketResource(bucket, store));
  return json(request, response, `{"kind":"storage#buckets","items":[${items.join(",")}]}`);
}

function json(request, response, text) {
  return send(request, response, 200, { "Content-Type": "application/json; charset=UTF-8" }, text);
}

function error(request, response, status, message, reason) {
  return send(request, response, status, { "Content-Type": "application/json; charset=UTF-8" },
    JSON.stringify({ error: { code: status, message, errors: [{ message, domain: "global", reason }] } }));
}

module.exports = { handleGcs };
