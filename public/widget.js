/*!
 * Baton chat widget. One tag on any site:
 *   <script src="https://YOUR-BATON-HOST/widget.js" data-flow="store-support" async></script>
 * Optional: data-position="left" (default right), data-label="Chat with us", data-color="#4f46e5".
 * Adds a launcher button that opens /chat/<flow>?embed=1 from this script's own origin in an
 * iframe. Everything lives in a shadow root, so the host page's CSS cannot break it and ours
 * cannot leak out. The only global is window.BatonChat ({ open, close, toggle }).
 * Where the browser blocks the iframe's (third-party) storage, the chat's conversation (its id and
 * token, unsent messages) is kept here, in this site's own localStorage, and handed to the iframe
 * when it asks: it would otherwise forget it on every reload (app/chat/host-bridge.ts has the
 * protocol). Where the iframe's storage works, the chat keeps it there and tells this page nothing.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  if (window.BatonChat && window.BatonChat.loaded) return;

  var flow = script.getAttribute("data-flow") || "";
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(flow)) {
    if (window.console) console.warn("[Baton] widget.js needs a data-flow attribute with the flow's slug.");
    return;
  }
  var origin = new URL(script.src, location.href).origin;
  var side = script.getAttribute("data-position") === "left" ? "left" : "right";
  var label = script.getAttribute("data-label") || "Chat with us";
  var color = script.getAttribute("data-color") || "";
  if (!/^#[0-9a-fA-F]{3,8}$/.test(color)) color = "#4f46e5";

  var css =
    ":host{all:initial}" +
    ".launcher{position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;width:60px;height:60px;border:0;border-radius:50%;" +
    "background:" + color + ";color:#fff;cursor:pointer;display:grid;place-items:center;" +
    "box-shadow:0 8px 24px rgba(23,25,45,.25),0 2px 6px rgba(23,25,45,.15);transition:transform .15s ease}" +
    ".launcher:hover{transform:scale(1.06)}" +
    ".launcher:focus-visible{outline:3px solid #fff;box-shadow:0 0 0 6px " + color + "}" +
    ".launcher svg{width:28px;height:28px}" +
    ".launcher .icon-close{display:none}" +
    ".launcher[aria-expanded=true] .icon-open{display:none}" +
    ".launcher[aria-expanded=true] .icon-close{display:block}" +
    ".frame{position:fixed;bottom:92px;" + side + ":20px;z-index:2147483000;width:400px;height:min(680px,calc(100vh - 112px));" +
    "border:0;border-radius:18px;background:#fff;overflow:hidden;" +
    "box-shadow:0 16px 48px rgba(23,25,45,.22),0 2px 8px rgba(23,25,45,.1);" +
    "opacity:0;transform:translateY(12px) scale(.98);transform-origin:bottom " + side + ";pointer-events:none;visibility:hidden;" +
    "transition:opacity .18s ease,transform .18s ease,visibility 0s linear .18s}" +
    ".frame.open{opacity:1;transform:none;pointer-events:auto;visibility:visible;transition:opacity .18s ease,transform .18s ease}" +
    "@media (max-width:480px){.frame{inset:0;width:100%;height:100%;border-radius:0}" +
    ".launcher[aria-expanded=true]{display:none}}" +
    "@media (prefers-reduced-motion:reduce){.frame,.launcher{transition:none}}";

  var host = document.createElement("div");
  host.setAttribute("data-baton-widget", flow);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var style = document.createElement("style");
  style.textContent = css;
  root.appendChild(style);

  var button = document.createElement("button");
  button.type = "button";
  button.className = "launcher";
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-expanded", "false");
  button.innerHTML =
    '<svg class="icon-open" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">' +
    '<path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z"/></svg>' +
    '<svg class="icon-close" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" aria-hidden="true">' +
    '<path d="M6 9l6 6 6-6"/></svg>';
  root.appendChild(button);

  // Without data-color / data-label, the launcher takes the workspace's (or flow's) branding:
  // its accent, the text colour chosen for contrast, and the chat title as its accessible name.
  var explicitColor = script.hasAttribute("data-color");
  var explicitLabel = script.hasAttribute("data-label");
  if ((!explicitColor || !explicitLabel) && window.fetch) {
    fetch(origin + "/chat/" + flow + "/branding", { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (branding) {
        if (!branding) return;
        if (!explicitColor && /^#[0-9a-f]{6}$/.test(branding.accent) && /^#[0-9a-f]{6}$/.test(branding.onAccent)) {
          button.style.background = branding.accent;
          button.style.color = branding.onAccent;
        }
        if (!explicitLabel && typeof branding.title === "string" && branding.title) {
          label = branding.title.slice(0, 60);
          if (!isOpen) button.setAttribute("aria-label", label);
          if (frame) frame.title = label;
        }
      })
      .catch(function () {});
  }

  var frame = null;
  var isOpen = false;

  // What the chat asked us to keep, under one key per Baton host and flow. The chat asks only
  // where its own (third-party) storage fails. Other tabs of this site write the same key, so it is
  // read afresh for every request and every write; where this page's storage fails too, it lives
  // in memory for the page's life.
  var keptKey = "baton.widget." + origin + "." + flow;
  var keptInMemory = null;
  var KEPT_MAX_ENTRIES = 20;
  var KEPT_MAX_CHARS = 100000;

  function readKept() {
    if (keptInMemory) return copyStrings(keptInMemory);
    try {
      return copyStrings(JSON.parse(window.localStorage.getItem(keptKey) || "{}"));
    } catch (error) {
      return {}; /* blocked or unreadable: start empty */
    }
  }

  function copyStrings(stored) {
    var entries = {};
    if (stored && typeof stored === "object") {
      for (var key in stored) {
        if (Object.prototype.hasOwnProperty.call(stored, key) && typeof stored[key] === "string") entries[key] = stored[key];
      }
    }
    return entries;
  }

  function keep(key, value) {
    if (typeof key !== "string" || !/^baton\.[\w.:-]{1,200}$/.test(key)) return;
    var kept = readKept();
    if (value === null) delete kept[key];
    else if (typeof value === "string" && value.length <= KEPT_MAX_CHARS) {
      if (!Object.prototype.hasOwnProperty.call(kept, key) && Object.keys(kept).length >= KEPT_MAX_ENTRIES) return;
      kept[key] = value;
    } else return;
    if (keptInMemory) {
      keptInMemory = kept;
      return;
    }
    try {
      window.localStorage.setItem(keptKey, JSON.stringify(kept));
    } catch (error) {
      keptInMemory = kept; /* blocked or full: kept in memory for this page from now on */
    }
  }

  // The iframe loads on first open: a page with the launcher pays nothing until someone chats.
  function ensureFrame() {
    if (frame) return frame;
    frame = document.createElement("iframe");
    frame.className = "frame";
    frame.title = label;
    frame.id = "baton-chat-frame";
    frame.setAttribute("allow", "clipboard-write");
    frame.src =
      origin + "/chat/" + encodeURIComponent(flow) + "?embed=1&host=" + encodeURIComponent(location.origin) + "&page=" + encodeURIComponent(location.href.slice(0, 2000));
    root.appendChild(frame);
    button.setAttribute("aria-controls", frame.id);
    return frame;
  }

  function open() {
    var target = ensureFrame();
    isOpen = true;
    // Next frame, so the opening transition runs from the closed state.
    requestAnimationFrame(function () {
      target.classList.add("open");
      try {
        target.focus();
      } catch (error) {
        /* focus is best effort */
      }
    });
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-label", "Close chat");
  }

  function close() {
    if (!frame) return;
    isOpen = false;
    frame.classList.remove("open");
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", label);
  }

  function toggle() {
    if (isOpen) close();
    else open();
  }

  button.addEventListener("click", toggle);

  // The chat's own close button and Escape key ask us to close, and it asks for and writes what we
  // keep; only our iframe may ask, and our answer goes to its origin only.
  window.addEventListener("message", function (event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    var message = event.data;
    if (!message) return;
    if (message.type === "baton:close") {
      close();
      button.focus();
    } else if (message.type === "baton:storage-request") {
      frame.contentWindow.postMessage({ type: "baton:storage", entries: readKept() }, origin);
    } else if (message.type === "baton:storage-set") {
      keep(message.key, message.value);
    }
  });

  function mount() {
    document.body.appendChild(host);
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  window.BatonChat = { loaded: true, open: open, close: close, toggle: toggle };
})();
