// The S3 API, path style (http://host/BUCKET?...), as far as listing needs it: ListObjectsV2 and ListObjects (V1,
// which rclone uses for `provider = Other`), GetBucketLocation, HeadBucket, HeadObject, ListBuckets; and GetObject
// (whole or one Range) for objects that have a body (buckets.js images:N:FOLDER), for media header reads. Signatures are
// not checked: this store stands in for the cloud's listing cost, not for its security.
"use strict";
const crypto = require("crypto");
const { escapeXml, encodeToken, decodeToken, isoDate, httpDate, requestId, send } = require("./responses");

const namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
const maxPageSize = 1000;
const ownerId = crypto.createHash("sha256").update("listing-store").digest("hex");
// Sub-resources of a bucket other than listing: refused plainly rather than answered with a listing.
const otherSubresources = ["versioning", "acl", "policy", "tagging", "uploads", "versions", "lifecycle", "cors", "website",
  "logging", "notification", "replication", "encryption", "object-lock", "ownershipControls", "publicAccessBlock",
  "accelerate", "requestPayment", "analytics", "inventory", "metrics", "intelligent-tiering", "delete"];

function handleS3(request, response, url, store) {
  const path = url.pathname;
  if (path === "/") return request.method === "GET" ? listBuckets(request, response, store) : methodNotAllowed(request, response);
  const slash = path.indexOf("/", 1);
  const bucketName = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
  const key = slash < 0 ? "" : decodeURIComponent(path.slice(slash + 1));
  const bucket = store.buckets.get(bucketName);
  if (!bucket) return error(request, response, 404, "NoSuchBucket", "The specified bucket does not exist", { BucketName: bucketName });
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed(request, response);
  if (key) return request.method === "GET" ? getObject(request, response, bucket, key) : headObject(request, response, bucket, key);
  if (request.method === "HEAD") return send(request, response, 200, { "x-amz-bucket-region": store.region, "x-amz-request-id": requestId() });

  const query = url.searchParams;
  if (query.has("location")) {
    const region = store.region === "us-east-1" ? "" : escapeXml(store.region);
    return ok(request, response, `<LocationConstraint xmlns="${namespace}">${region}</LocationConstraint>`);
  }
  if (otherSubresources.some((name) => query.has(name)))
    return error(request, response, 501, "NotImplemented", "This listing store answers listing requests only.");
  return query.get("list-type") === "2" ? listObjects(request, response, bucket, query, 2) : listObjects(request, response, bucket, query, 1);
}

/** ListObjectsV2 and ListObjects (V1). The keys come in UTF-8 byte order; a common prefix counts as one of max-keys
 *  (at most 1,000); with encoding-type=url, Key, Prefix, Delimiter, StartAfter, Marker and NextMarker are URL-encoded. */
function listObjects(request, response, bucket, query, version) {
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const encodingType = query.get("encoding-type");
  if (encodingType !== null && encodingType.toLowerCase() !== "url")
    return error(request, response, 400, "InvalidArgument", "Invalid Encoding Method specified in Request", { ArgumentName: "encoding-type", ArgumentValue: encodingType });
  const maxKeysText = query.get("max-keys");
  const maxKeys = maxKeysText === null ? maxPageSize : Number(maxKeysText);
  if (!Number.isInteger(maxKeys) || maxKeys < 0)
    return error(request, response, 400, "InvalidArgument", "Provided max-keys not an integer or within integer range", { ArgumentName: "max-keys", ArgumentValue: maxKeysText });
  const encode = encodingType === null ? escapeXml : (text) => escapeXml(s3UrlEncode(text));

  const token = version === 2 ? query.get("continuation-token") : null;
  const startAfter = version === 2 ? query.get("start-after") : query.get("marker");
  let resume = null;
  if (token !== null) {
    resume = decodeToken(token);
    if (!resume) return error(request, response, 400, "InvalidArgument", "The continuation token provided is incorrect", { ArgumentName: "continuation-token" });
  } else if (startAfter) {
    resume = resumeAfterKey(startAfter, prefix, delimiter);
  }

  const sorted = bucket.codePointOrder;
  const { start, end } = sorted.range({ prefix, resume });
  const page = sorted.page({ prefix, delimiter, start, end, max: Math.min(maxKeys, maxPageSize) });
  // Asked for no keys, S3 answers an empty page that is not truncated (a token could not move the listing on).
  const truncated = maxKeys > 0 && page.truncated;

  let xml = `<ListBucketResult xmlns="${namespace}"><Name>${escapeXml(bucket.name)}</Name><Prefix>${encode(prefix)}</Prefix>`;
  if (version === 2) {
    if (token !== null) xml += `<ContinuationToken>${escapeXml(token)}</ContinuationToken>`;
    if (truncated) xml += `<NextContinuationToken>${encodeToken(page.last)}</NextContinuationToken>`;
    xml += `<KeyCount>${page.entries.length}</KeyCount>`;
  } else {
    xml += `<Marker>${encode(startAfter ?? "")}</Marker>`;
    // V1 names the next marker only with a delimiter; without one, clients continue from the last key.
    if (truncated && delimiter) xml += `<NextMarker>${encode(page.last.group ?? page.last.key)}</NextMarker>`;
  }
  xml += `<MaxKeys>${Math.min(maxKeys, maxPageSize)}</MaxKeys>`;
  if (delimiter) xml += `<Delimiter>${encode(delimiter)}</Delimiter>`;
  if (encodingType !== null) xml += "<EncodingType>url</EncodingType>";
  xml += `<IsTruncated>${truncated}</IsTruncated>`;
  if (version === 2 && startAfter) xml += `<StartAfter>${encode(startAfter)}</StartAfter>`;
  const owner = version === 1 || query.get("fetch-owner") === "true" ? `<Owner><ID>${ownerId}</ID></Owner>` : "";
  let prefixes = "";
  for (const entry of page.entries) {
    if (entry.prefix !== undefined) {
      prefixes += `<CommonPrefixes><Prefix>${encode(entry.prefix)}</Prefix></CommonPrefixes>`;
      continue;
    }
    const o = entry.object;
    xml += `<Contents><Key>${encode(o.key)}</Key><LastModified>${isoDate(o.modified)}</LastModified><ETag>&quot;${o.md5Hex}&quot;</ETag><Size>${o.size}</Size>${owner}<StorageClass>STANDARD</StorageClass></Contents>`;
  }
  return ok(request, response, xml + prefixes + "</ListBucketResult>");
}

/** Where a listing resumes after StartAfter or Marker. When the key lies inside a common prefix of this listing, S3
 *  resumes after that whole prefix (S3-compatible stores do the same, e.g. Ceph RGW "fast-forwards" such a marker): a
 *  V1 NextMarker that names a common prefix must not list it again. */
function resumeAfterKey(startAfter, prefix, delimiter) {
  if (delimiter && startAfter.startsWith(prefix)) {
    const cut = startAfter.indexOf(delimiter, prefix.length);
    if (cut >= 0) return { group: startAfter.slice(0, cut + delimiter.length) };
  }
  return { key: startAfter };
}

/** S3's encoding-type=url: UTF-8 bytes percent-encoded with upper-case hex, except letters, digits and - _ . / *;
 *  a space becomes '+' (clients decode it as a form value). */
function s3UrlEncode(text) {
  if (/^[A-Za-z0-9\-_.\/*]*$/.test(text)) return text;
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.\/*]/.test(c)) out += c;
    else if (byte === 0x20) out += "+";
    else out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
  }
  return out;
}

function headObject(request, response, bucket, key) {
  const o = bucket.find(key);
  if (!o) return send(request, response, 404, { "x-amz-request-id": requestId() });
  setObjectHeaders(response, o);
  // HEAD's Content-Length is the object's size; no body follows.
  response.writeHead(200, { "Content-Length": o.size });
  response.end();
}

/** GetObject, whole or one "Range: bytes=FIRST-LAST" (or "bytes=FIRST-", or "bytes=-SUFFIX"), as S3 answers it: 206
 *  with Content-Range, the range cut at the object's end, 416 InvalidRange when it starts past the end. */
function getObject(request, response, bucket, key) {
  const o = bucket.find(key);
  if (!o) return error(request, response, 404, "NoSuchKey", "The specified key does not exist.", { Key: key });
  if (!o.body) return error(request, response, 501, "NotImplemented", "This listing store holds no content for this object.", { Key: key });
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  let first = 0, last = o.size - 1, status = 200;
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      first = Number(range[1]);
      if (range[2]) last = Math.min(Number(range[2]), o.size - 1);
    } else {
      first = Math.max(0, o.size - Number(range[2]));
    }
    if (first >= o.size || first > last)
      return error(request, response, 416, "InvalidRange", "The requested range is not satisfiable", { RangeRequested: request.headers.range, ActualObjectSize: o.size });
    status = 206;
    response.setHeader("Content-Range", `bytes ${first}-${last}/${o.size}`);
  }
  setObjectHeaders(response, o);
  response.setHeader("Accept-Ranges", "bytes");
  response.writeHead(status, { "Content-Length": last - first + 1 });
  response.end(o.body.subarray(first, last + 1));
}

function setObjectHeaders(response, o) {
  response.setHeader("Content-Type", o.contentType);
  response.setHeader("ETag", `"${o.md5Hex}"`);
  response.setHeader("Last-Modified", httpDate(o.modified));
  response.setHeader("x-amz-request-id", requestId());
}

function listBuckets(request, response, store) {
  let xml = `<ListAllMyBucketsResult xmlns="${namespace}"><Owner><ID>${ownerId}</ID></Owner><Buckets>`;
  for (const bucket of store.buckets.values())
    xml += `<Bucket><Name>${escapeXml(bucket.name)}</Name><CreationDate>${isoDate(store.started)}</CreationDate></Bucket>`;
  return ok(request, response, xml + "</Buckets></ListAllMyBucketsResult>");
}

function ok(request, response, xml) {
  return send(request, response, 200, { "Content-Type": "application/xml", "x-amz-request-id": requestId() },
    '<?xml version="1.0" encoding="UTF-8"?>\n' + xml);
}

function methodNotAllowed(request, response) {
  return error(request, response, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.", { Method: request.method });
}

function error(request, response, status, code, message, details = {}) {
  const id = requestId();
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>`;
  for (const [name, value] of Object.entries(details)) xml += `<${name}>${escapeXml(String(value ?? ""))}</${name}>`;
  xml += `<RequestId>${id}</RequestId><HostId>${id}</HostId></Error>`;
  return send(request, response, status, { "Content-Type": "application/xml", "x-amz-request-id": id }, xml);
}

module.exports = { handleS3, s3UrlEncode };
