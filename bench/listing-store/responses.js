// What the three APIs' answers share: XML text, continuation tokens, dates, and sending.
"use strict";
const crypto = require("crypto");

const xmlEntities = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

function escapeXml(text) {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => xmlEntities[c]) : text;
}

/** An opaque continuation token, as every store's is: where the next page starts (after a key, or after every key of
 *  a common prefix). Clients send it back unchanged; nothing but this store reads it. */
function encodeToken(last) {
  const text = last.group !== undefined ? "g" + last.group : "k" + last.key;
  return Buffer.from(text, "utf8").toString("base64url");
}

/** The resume point a token names, or null when it is not one of this store's tokens. */
function decodeToken(token) {
  const text = Buffer.from(token, "base64url").toString("utf8");
  if (Buffer.from(text, "utf8").toString("base64url") !== token.replace(/=+$/, "")) return null;
  if (text[0] === "g") return { group: text.slice(1) };
  if (text[0] === "k") return { key: text.slice(1) };
  return null;
}

/** Formats a date once per distinct time: a bucket's objects share a few. */
function cachedFormat(format) {
  const cache = new Map();
  return (milliseconds) => {
    let text = cache.get(milliseconds);
    if (text === undefined) {
      text = format(new Date(milliseconds));
      cache.set(milliseconds, text);
    }
    return text;
  };
}

/** 2026-12-01T18:13:16.000Z (S3 XML, GCS JSON). */
const isoDate = cachedFormat((date) => date.toISOString());
/** Tue, 01 Dec 2026 18:13:16 GMT (Azure XML, object headers). */
const httpDate = cachedFormat((date) => date.toUTCString());

function requestId() {
  return crypto.randomBytes(8).toString("hex").toUpperCase();
}

/** Sends a complete answer (HEAD: the headers only, with the length the body would have). */
function send(request, response, status, headers, body = "") {
  response.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(body, "utf8"), Date: new Date().toUTCString() });
  response.end(request.method === "HEAD" ? undefined : body, "utf8");
}

module.exports = { escapeXml, encodeToken, decodeToken, isoDate, httpDate, requestId, send };
