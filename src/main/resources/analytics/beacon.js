/* Image Hub page-view beacon: keeps nothing in the browser and sends nothing about the visitor; one request per page view.
   <script async src="https://HUB/api/v1/analytics/beacon.js" data-key="KEY" data-story="STORY_ID" data-lang="fr"></script> */
(function (d, n) {
  var s = d.currentScript;
  if (!s || !s.dataset.key || !s.dataset.story) return;
  var id = "pv-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 12);
  var body = JSON.stringify({ id: id, storyId: s.dataset.story, lang: s.dataset.lang || d.documentElement.lang || "en",
    url: location.origin + location.pathname });
  var url = new URL("/api/v1/analytics/events?key=" + encodeURIComponent(s.dataset.key), s.src).href;
  var blob = new Blob([body], { type: "text/plain" });
  if (!(n.sendBeacon && n.sendBeacon(url, blob))) {
    fetch(url, { method: "POST", body: body, keepalive: true, mode: "no-cors", credentials: "omit",
      referrerPolicy: "strict-origin-when-cross-origin" });
  }
})(document, navigator);
