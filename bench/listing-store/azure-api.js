// The Azure Blob API, with the account in the path as Azurite has it (http://host/ACCOUNT/CONTAINER?...), as far as
// listing needs it: List Blobs (flat, or by hierarchy with a delimiter; prefix, marker, maxresults and, since service
// version 2026-02-06, startFrom), Get Container Properties, Get Blob Properties. Authorization is not checked.
"use strict";
const { escapeXml, encodeToken, decodeToken, httpDate, requestId, send } = require("./responses");

const maxPageSize = 5000;
// Characters XML 1.0 cannot carry: the service URL-encodes such a name and marks it Encoded="true".
const unrepresentable = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

function handleAzure(request, response, url, store) {
  const parts = url.pathname.split("/");
  const account = decodeURIComponent(parts[1] || "");
  const containerName = decodeURIComponent(parts[2] || "");
  const blobName = parts.length > 3 ? decodeURIComponent(parts.slice(3).join("/")) : "";
  const query = url.searchParams;
  const version = request.headers["x-ms-version"];
  if (request.method !== "GET" && request.method !== "HEAD")
    return error(request, response, version, 405, "UnsupportedHttpVerb", "The resource doesn't support specified Http Verb.");
  const container = store.buckets.get(containerName);
  if (!containerName || !container)
    return error(request, response, version, 404, "ContainerNotFound", "The specified container does not exist.");
  if (blobName) return blobProperties(request, response, version, container, blobName);
  if (query.get("restype") !== "container")
    return error(request, response, version, 400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.");
  if (query.get("comp") === "list") return listBlobs(request, response, version, account, container, query);
  if (query.has("comp"))
    return error(request, response, version, 501, "NotImplemented", "This listing store answers listing requests only.");
  return send(request, response, 200, {
    ...headers(version), ETag: `"${store.etag}"`, "Last-Modified": httpDate(store.started),
    "x-ms-lease-status": "unlocked", "x-ms-lease-state": "available",
    "x-ms-has-immutability-policy": "false", "x-ms-has-legal-hold": "false",
  });
}

/** List Blobs: names in UTF-16 code unit order; with a delimiter, a BlobPrefix stands for every name holding it after
 *  the prefix and counts as one of maxresults (at most 5,000); startFrom is inclusive and composes with the marker. */
function listBlobs(request, response, version, account, container, query) {
  const prefix = query.get("prefix") ?? "";
  const delimiter = query.get("delimiter") ?? "";
  const marker = query.get("marker") ?? "";
  const startFrom = query.get("startFrom");
  const maxText = query.get("maxresults");
  const max = maxText === null ? maxPageSize : Number(maxText);
  if (!Number.isInteger(max) || max <= 0)
    return error(request, response, version, 400, "OutOfRangeQueryParameterValue", "One of the query parameters specified in the request URI is outside the permissible range.");
  const resume = marker ? decodeToken(marker) : null;
  if (marker && !resume)
    return error(request, response, version, 400, "InvalidQueryParameterValue", "Value for one of the query parameters specified in the request URI is invalid.");

  const sorted = container.utf16Order;
  const { start, end } = sorted.range({ prefix, resume, from: startFrom || null });
  const page = sorted.page({ prefix, delimiter, start, end, max: Math.min(max, maxPageSize) });

  let xml = `<EnumerationResults ServiceEndpoint="http://${escapeXml(request.headers.host ?? "127.0.0.1")}/${escapeXml(account)}/" ContainerName="${escapeXml(container.name)}">`;
  if (query.has("prefix")) xml += `<Prefix>${escapeXml(prefix)}</Prefix>`;
  if (query.has("marker")) xml += `<Marker>${escapeXml(marker)}</Marker>`;
  if (maxText !== null) xml += `<MaxResults>${max}</MaxResults>`;
  if (delimiter) xml += `<Delimiter>${escapeXml(delimiter)}</Delimiter>`;
  xml += "<Blobs>";
  for (const entry of page.entries) {
    if (entry.prefix !== undefined) {
      xml += `<BlobPrefix>${nameElement(entry.prefix)}</BlobPrefix>`;
      continue;
    }
    const o = entry.object, modified = httpDate(o.modified);
    xml += `<Blob>${nameElement(o.key)}<Properties><Creation-Time>${modified}</Creation-Time><Last-Modified>${modified}</Last-Modified>` +
      `<Etag>${o.azureEtag}</Etag><Content-Length>${o.size}</Content-Length><Content-Type>${escapeXml(o.contentType)}</Content-Type>` +
      `<Content-MD5>${o.md5Base64}</Content-MD5><BlobType>BlockBlob</BlobType><AccessTier>Hot</AccessTier>` +
      "<AccessTierInferred>true</AccessTierInferred><LeaseStatus>unlocked</LeaseStatus><LeaseState>available</LeaseState>" +
      "<ServerEncrypted>true</ServerEncrypted></Properties></Blob>";
  }
  xml += "</Blobs>" + (page.truncated ? `<NextMarker>${encodeToken(page.last)}</NextMarker>` : "<NextMarker />") + "</EnumerationResults>";
  return send(request, response, 200, { ...headers(version), "Content-Type": "application/xml" },
    '<?xml version="1.0" encoding="utf-8"?>' + xml);
}

function nameElement(name) {
  return unrepresentable.test(name) ? `<Name Encoded="true">${encodeURIComponent(name)}</Name>` : `<Name>${escapeXml(name)}</Name>`;
}

function blobProperties(request, response, version, container, name) {
  const o = container.find(name);
  if (!o) return error(request, response, version, 404, "BlobNotFound", "The specified blob does not exist.");
  if (request.method === "GET")
    return error(request, response, version, 501, "NotImplemented", "This listing store holds no blob content.");
  response.writeHead(200, {
    ...headers(version), "Content-Length": o.size, "Content-Type": o.contentType, "Content-MD5": o.md5Base64,
    ETag: `"${o.azureEtag}"`, "Last-Modified": httpDate(o.modified), "x-ms-creation-time": httpDate(o.modified),
    "x-ms-blob-type": "BlockBlob", "x-ms-access-tier": "Hot", "x-ms-access-tier-inferred": "true",
    "x-ms-lease-status": "unlocked", "x-ms-lease-state": "available", "x-ms-server-encrypted": "true",
  });
  response.end();
}

function headers(version) {
  return { "x-ms-request-id": requestId(), "x-ms-version": version || "2026-02-06" };
}

function error(request, response, version, status, code, message) {
  const id = requestId();
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}\nRequestId:${id}\nTime:${new Date().toISOString()}</Message></Error>`;
  return send(request, response, status, { ...headers(version), "x-ms-request-id": id, "x-ms-error-code": code, "Content-Type": "application/xml" }, xml);
}

module.exports = { handleAzure };
