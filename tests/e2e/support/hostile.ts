import fc from "fast-check";
import { MAX_JSON_BYTES } from "../../../lib/http/limits";

/**
 * Hostile request bodies for tests/e2e/hostile-http.spec.ts: a fixed list per kind of input (JSON,
 * multipart, none), and fast-check mutations of a route's valid body (drop, duplicate, retype
 * fields, inject hostile strings, add prototype-pollution keys).
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Fields = Record<string, string | string[]>;
export type Input = "json" | "multipart" | "none";

export type Send =
  | { kind: "raw"; contentType: string; data: string | Buffer }
  | { kind: "form"; fields: Fields; file: Buffer | null }
  /** A content-length far larger than the bytes sent: the server must answer without waiting for the rest. */
  | { kind: "declared"; contentType: string; data: string; declared: number };

/** `status`: the one answer the case must get; left out, any 2xx or documented refusal will do. */
export type Case = { name: string; send: Send; status?: number };

export const SQL = "'; DROP TABLE users; -- ' OR '1'='1";
export const HTML = `<script>alert(1)</script><img src=x onerror="alert(2)">`;
export const UNICODE: Record<string, string> = {
  "a lone surrogate": "half \uD800 a pair",
  "a NUL character": "nul\u0000here",
  "a right-to-left override": "\u202Egnp.exe",
  "10,000 emoji": "🎨".repeat(10_000),
};
const NASTY = [SQL, HTML, ...Object.values(UNICODE), "__proto__", "constructor", "", " ", "-0", "1e309", "NaN", "../../etc/passwd", "%00", "\r\n\r\n"];
const POLLUTION_KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"];

/** Sets an own property, even one called __proto__, so JSON.stringify writes it out. */
function put(target: Record<string, Json> | Json[], key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const copy = <T extends Json>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Every path into a value: object keys and array indexes, outermost first. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths((value as Record<string, Json>)[key as string] ?? null, [...prefix, key])]);
}

/** Paths to string values, for SQL, HTML and unicode payloads. */
export function stringPaths(value: Json): (string | number)[][] {
  return paths(value).filter((p) => typeof get(value, p) === "string");
}

function get(value: Json, path: (string | number)[]): Json | undefined {
  return path.reduce<Json | undefined>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, Json>)[key as string] : undefined), value);
}

function parentOf(root: Json, path: (string | number)[]): Record<string, Json> | Json[] | null {
  const parent = get(root, path.slice(0, -1));
  return parent !== null && typeof parent === "object" ? parent : null;
}

export function withValue(body: Json, path: (string | number)[], value: Json): Json {
  const result = copy(body);
  const parent = parentOf(result, path);
  if (parent) put(parent, path.at(-1)!, value);
  return result;
}

/** A JSON object's text with one more key written at its end (a duplicate key: the last one wins). */
function appendKey(text: string, key: string, value: Json): string {
  if (!text.startsWith("{")) return text;
  const member = `${JSON.stringify(key)}:${JSON.stringify(value)}`;
  return text === "{}" ? `{${member}}` : `${text.slice(0, -1)},${member}}`;
}

const hostileString = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "binary", maxLength: 40 }));
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, 1.5, 2 ** 53, -(2 ** 31), 1e308),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 4 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

type Mutation =
  | { op: "drop" | "retype" | "inject" | "duplicate"; at: number; value: Json; where: "replace" | "before" | "after" }
  | { op: "add"; key: string; value: Json };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("drop", "retype", "inject", "duplicate"), at: fc.nat(), value: hostileValue, where: fc.constantFrom("replace", "before", "after") }) as fc.Arbitrary<Mutation>,
  fc.record({ op: fc.constant("add"), key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), hostileString), value: fc.oneof(hostileValue, fc.constant({ polluted: 1 })) }) as fc.Arbitrary<Mutation>,
);

/** Applies mutations to a copy of the valid body; returns the JSON text to send (duplicates live only in text). */
function mutate(valid: Json, mutations: Mutation[]): string {
  let body = copy(valid);
  const duplicates: [string, Json][] = [];
  for (const m of mutations) {
    if (m.op === "add") {
      if (body !== null && typeof body === "object") put(body, Array.isArray(body) ? body.length : m.key, m.value);
      continue;
    }
    const all = paths(body);
    const path = all[m.at % Math.max(1, all.length)];
    if (!path) continue;
    const parent = parentOf(body, path);
    const old = get(body, path);
    if (!parent) continue;
    if (m.op === "drop") {
      if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
      else delete parent[path.at(-1) as string];
    } else if (m.op === "retype") {
      put(parent, path.at(-1)!, m.value);
    } else if (m.op === "inject") {
      const text = typeof m.value === "string" ? m.value : JSON.stringify(m.value);
      const base = typeof old === "string" ? old : "";
      body = withValue(body, path, m.where === "replace" ? text : m.where === "before" ? text + base : base + text);
    } else if (path.length === 1) {
      duplicates.push([String(path[0]), m.value]);
    }
  }
  return duplicates.reduce((text, [key, value]) => appendKey(text, key, value), JSON.stringify(body));
}

/** `runs` mutated copies of the valid body as JSON text, the same for the same seed. */
export function generatedBodies(valid: Json, seed: number, runs: number): string[] {
  return fc.sample(fc.array(mutation, { minLength: 1, maxLength: 4 }), { seed, numRuns: runs }).map((ms) => mutate(valid, ms));
}

/** A JSON value as multipart text fields: arrays become repeated fields, other values their JSON text. */
export function asFields(value: Json): Fields {
  const fields: Fields = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) return { value: JSON.stringify(value) };
  for (const [key, v] of Object.entries(value)) {
    const text = Array.isArray(v) ? v.map((item) => (typeof item === "string" ? item : JSON.stringify(item))) : typeof v === "string" ? v : JSON.stringify(v);
    Object.defineProperty(fields, key, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

const json = "application/json";
const MIB = 1024 * 1024;
const DECLARED = 64 * MIB;

function transportCases(text: string, fields: Fields, strict: boolean, maxBytes = MAX_JSON_BYTES): Case[] {
  const pick = (status: number) => (strict ? status : undefined);
  const form = new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((i) => [k, i]) : [[k, v]]))).toString();
  const deep = `{"deep":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
  return [
    { name: "truncated JSON", send: { kind: "raw", contentType: json, data: text.slice(0, -1) }, status: pick(400) },
    { name: "JSON with trailing garbage", send: { kind: "raw", contentType: json, data: `${text} }{ garbage` }, status: pick(400) },
    { name: "JSON with NaN", send: { kind: "raw", contentType: json, data: '{"value":NaN}' }, status: pick(400) },
    { name: "JSON with single quotes", send: { kind: "raw", contentType: json, data: "{'value':1}" }, status: pick(400) },
    { name: "an empty JSON body", send: { kind: "raw", contentType: json, data: "" } },
    { name: "JSON after a byte order mark", send: { kind: "raw", contentType: json, data: `\uFEFF${text}` } },
    { name: "JSON nested 20,000 deep", send: { kind: "raw", contentType: json, data: deep } },
    { name: "a JSON array", send: { kind: "raw", contentType: json, data: "[]" } },
    { name: "a JSON string", send: { kind: "raw", contentType: json, data: '"text"' } },
    { name: "JSON null", send: { kind: "raw", contentType: json, data: "null" } },
    { name: "a JSON number", send: { kind: "raw", contentType: json, data: "42" } },
    { name: "the body as text/plain", send: { kind: "raw", contentType: "text/plain", data: text }, status: pick(415) },
    { name: "the body form-encoded", send: { kind: "raw", contentType: "application/x-www-form-urlencoded", data: form }, status: pick(415) },
    { name: "the body as multipart", send: { kind: "form", fields, file: null }, status: pick(415) },
    { name: "the body as application/octet-stream", send: { kind: "raw", contentType: "application/octet-stream", data: Buffer.from(text) }, status: pick(415) },
    { name: `JSON over ${maxBytes} bytes`, send: { kind: "raw", contentType: json, data: appendKey(text, "padding", "x".repeat(maxBytes)) }, status: pick(413) },
    { name: "a content-length of 64 MiB over a short JSON body", send: { kind: "declared", contentType: json, data: text, declared: DECLARED }, status: pick(413) },
    { name: "a __proto__ key", send: { kind: "raw", contentType: json, data: appendKey(text, "__proto__", { polluted: 1 }) } },
    { name: "a constructor.prototype key", send: { kind: "raw", contentType: json, data: appendKey(text, "constructor", { prototype: { polluted: 1 } }) } },
  ];
}

/**
 * SQL, HTML, NUL and half a surrogate pair (which PostgreSQL cannot store) in every string field,
 * one at a time; the other unicode cases in the first string field (fast-check spreads them further).
 */
function payloadCases(valid: Json, send: (body: Json) => Send): Case[] {
  const everywhere = ["a NUL character", "a lone surrogate"];
  const strings = stringPaths(valid);
  return strings.flatMap((p, i) => {
    const payloads: [string, string][] = [["SQL", SQL], ["HTML", HTML], ...Object.entries(UNICODE).filter(([what]) => i === 0 || everywhere.includes(what))];
    return payloads.map(([what, text]) => ({ name: `${what} in ${p.join(".")}`, send: send(withValue(valid, p, text)) }));
  });
}

/** The fixed hostile list for a route, given what it reads and a body it accepts. */
export function fixedCases(input: Input, valid: Json, image: Buffer, maxJsonBytes = MAX_JSON_BYTES): Case[] {
  if (input === "json") return [...transportCases(JSON.stringify(valid), asFields(valid), true, maxJsonBytes), ...payloadCases(valid, (body) => ({ kind: "raw", contentType: json, data: JSON.stringify(body) }))];
  if (input === "none") return transportCases(JSON.stringify({ value: SQL }), { value: HTML }, false);
  const fields = asFields(valid);
  const boundary = "----hostile";
  return [
    { name: "JSON instead of multipart", send: { kind: "raw", contentType: json, data: JSON.stringify(valid) }, status: 415 },
    { name: "text/plain instead of multipart", send: { kind: "raw", contentType: "text/plain", data: "file" }, status: 415 },
    { name: "form-encoded instead of multipart", send: { kind: "raw", contentType: "application/x-www-form-urlencoded", data: "file=x" }, status: 415 },
    { name: "multipart cut off mid-part", send: { kind: "raw", contentType: `multipart/form-data; boundary=${boundary}`, data: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n\x89PNG` }, status: 400 },
    { name: "multipart without its boundary", send: { kind: "raw", contentType: "multipart/form-data", data: `--${boundary}\r\n\r\n` } },
    { name: "multipart without a file", send: { kind: "form", fields, file: null } },
    { name: "a text file posing as an image", send: { kind: "form", fields, file: Buffer.from("%PDF-1.7 <script>alert(1)</script>") } },
    { name: "an 11 MiB file", send: { kind: "form", fields, file: Buffer.alloc(11 * MIB, 7) }, status: 413 },
    { name: "a content-length of 64 MiB over a short multipart body", send: { kind: "declared", contentType: `multipart/form-data; boundary=${boundary}`, data: `--${boundary}\r\n`, declared: DECLARED }, status: 413 },
    { name: "__proto__ and constructor fields", send: { kind: "form", fields: { ...fields, ["__proto__"]: "polluted", constructor: "polluted" }, file: image } },
    ...payloadCases(valid, (body) => ({ kind: "form", fields: asFields(body), file: image })),
  ];
}
