/* 华锦银发先锋 service worker.
 *
 * - Hashed build files under /assets/ (Vite's output folder in .web/build/client/assets):
 *   cache first; they never change under the same name.
 * - Icons: precached, cache first.
 * - Page navigations: network first; with no network, a cached copy of that page if there
 *   is one, else the cached /offline page. Only pages that work on their own are stored:
 *   /offline and the large-print study pages /study/<week>/print. A Reflex page without its
 *   server shows dead buttons and empty lists, so an elder sees /offline instead.
 * - /study/<week>/print (navigation or fetch()): network first, then cache, so a page opened
 *   once (or fetched by the study page in the background) can be read without a network.
 * - Never touched: the Reflex backend (/_event, /_upload, /ping, /_health, ...), websocket
 *   upgrades, non-GET requests, other origins. The browser handles those as if there were no
 *   service worker.
 *
 * Change VERSION whenever this file, the icons or the offline page change: old caches are
 * deleted when the new worker activates.
 */
"use strict";

const VERSION = "v1";
const PREFIX = "huajin-";
const STATIC_CACHE = PREFIX + "static-" + VERSION;
const PAGES_CACHE = PREFIX + "pages-" + VERSION;
const OFFLINE_URL = "/offline";
const PRECACHE_URLS = [
  OFFLINE_URL,
  "/icons/icon-192.png",
  "/icons/icon-512.png",
  "/icons/icon-maskable-512.png",
  "/icons/apple-touch-icon.png",
];
// Backend paths the worker must never answer (prefix match on whole path segments).
const BYPASS_PATHS = ["/_event", "/_upload", "/ping", "/_health", "/_all_routes", "/auth-codespace"];
const HASHED_ASSETS = "/assets/";
const ICONS = "/icons/";
const PRINT_PAGE = /^\/study\/[^/]+\/print\/?$/;
const MAX_STATIC_ENTRIES = 200;
const MAX_PRINT_PAGES = 20;

function isBypassed(request, url) {
  if (request.method !== "GET") return true;
  if (url.origin !== self.location.origin) return true;
  if ((request.headers.get("upgrade") || "").toLowerCase() === "websocket") return true;
  if (request.headers.has("range")) return true;
  return BYPASS_PATHS.some(
    (path) => url.pathname === path || url.pathname.startsWith(path + "/"),
  );
}

function isStorable(response) {
  return Boolean(response) && response.ok && response.type === "basic" && !response.redirected;
}

async function trimCache(cacheName, maxEntries, keep) {
  const cache = await caches.open(cacheName);
  const keys = (await cache.keys()).filter((request) => !keep(request));
  // Cache keys come back in insertion order: drop the oldest first.
  for (let i = 0; i < keys.length - maxEntries; i += 1) {
    await cache.delete(keys[i]);
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (isStorable(response)) {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
    trimCache(STATIC_CACHE, MAX_STATIC_ENTRIES, (r) =>
      PRECACHE_URLS.includes(new URL(r.url).pathname),
    ).catch(() => {});
  }
  return response;
}

function pageKey(url) {
  // One entry per page: the query string does not change a print page.
  return url.origin + url.pathname.replace(/\/$/, "");
}

async function offlineResponse() {
  const offline = await caches.match(OFFLINE_URL);
  return offline || Response.error();
}

async function networkFirstPage(request, url, store) {
  try {
    const response = await fetch(request);
    if (store && isStorable(response)) {
      const cache = await caches.open(PAGES_CACHE);
      await cache.put(pageKey(url), response.clone());
      trimCache(PAGES_CACHE, MAX_PRINT_PAGES, (r) => new URL(r.url).pathname === OFFLINE_URL).catch(
        () => {},
      );
    }
    return response;
  } catch (error) {
    const cached = await caches.match(pageKey(url));
    if (cached) return cached;
    if (request.mode === "navigate") return offlineResponse();
    throw error;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      // "reload": take fresh copies from the server, not the browser's HTTP cache.
      await cache.addAll(PRECACHE_URLS.map((u) => new Request(u, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && name !== STATIC_CACHE && name !== PAGES_CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (isBypassed(request, url)) return;

  if (url.pathname.startsWith(HASHED_ASSETS) || url.pathname.startsWith(ICONS)) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (PRINT_PAGE.test(url.pathname)) {
    event.respondWith(networkFirstPage(request, url, true));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(networkFirstPage(request, url, url.pathname === OFFLINE_URL));
  }
  // Anything else goes to the network as usual.
});
