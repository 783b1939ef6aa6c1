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

  const fields = query.has("fields") ? parseFields(query.get("fields")) : null;
  if (fields === undefined) return error(request, response, 400, `Invalid field selection '${query.get("fields")}'.`, "invalidParameter");
  const prefixes = [], items = [];
  for (const entry of page.entries) {
    if (entry.prefix !== undefined) prefixes.push(JSON.stringify(entry.prefix));
    else items.push(fields ? select(JSON.parse(objectJson(entry.object, bucket)), fields.items) : objectJson(entry.object, bucket));
  }
  const has = (name) => !fields || name in fields;
  let text = "";
  if (has("kind")) text += ',"kind":"storage#objects"';
  if (page.truncated && has("nextPageToken")) text += `,"nextPageToken":"${encodeToken(page.last)}"`;
  if (prefixes.length && has("prefixes")) text += `,"prefixes":[${prefixes.join(",")}]`;
  if (items.length && has("items")) text += `,"items":[${items.join(",")}]`;
  return json(request, response, `{${text.slice(1)}}`);
}

/** A partial response's field selection as the JSON API takes it, the subset objects.list needs: names separated by
 *  commas, a name followed by (sub,fields) selects those inside it ("nextPageToken,items(name,size)"). Returns
 *  { name: true | { ...sub } }, or undefined when it cannot be read. */
function parseFields(text) {
  let at = 0;
  function list() {
    const selected = {};
    while (at < text.length && text[at] !== ")") {
      const name = /^[A-Za-z0-9_]+/.exec(text.slice(at));
      if (!name) return undefined;
      at += name[0].length;
      if (text[at] === "(") {
        at++;
        const sub = list();
        if (sub === undefined || text[at] !== ")") return undefined;
        at++;
        selected[name[0]] = sub;
      } else {
        selected[name[0]] = true;
      }
      if (text[at] === ",") at++;
    }
    return selected;
  }
  const fields = list();
  return fields === undefined || at !== text.length ? undefined : fields;
}

/** The JSON text of the resource's selected fields (all of it for a field selected without a sub-selection). */
function select(resource, fields) {
  if (fields === true || fields === undefined) return JSON.stringify(resource);
  const kept = {};
  for (const name of Object.keys(fields)) if (name in resource) kept[name] = resource[name];
  return JSON.stringify(kept);
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
