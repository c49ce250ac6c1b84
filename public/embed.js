/*
 * tripoli-map host script. Add it once to a page that embeds the map:
 *   <iframe src="…/#date=2019-12-20&embed=1" data-tripoli-map …></iframe>
 *   <script src="…/embed.js" async></script>
 * It sizes every such iframe to its content, re-dispatches the map's messages as DOM events on the
 * iframe ("tripoli-map:date-change", "tripoli-map:select", "tripoli-map:ready"), and offers
 * window.TripoliMap.send(iframe, message) to drive a map (see the README for the messages).
 * It only listens to frames served from the same origin as this script.
 */
(function () {
  'use strict';
  if (window.TripoliMap) return;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var MAX_HEIGHT = 5000;

  function framesFor(source) {
    var frames = document.querySelectorAll('iframe[data-tripoli-map]');
    var found = [];
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) found.push(frames[i]);
    return found;
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || data.type.indexOf('tripoli-map:') !== 0) return;
    var frames = framesFor(event.source);
    for (var i = 0; i < frames.length; i++) {
      if (data.type === 'tripoli-map:height') {
        var height = Number(data.height);
        if (height > 0 && height <= MAX_HEIGHT) frames[i].style.height = Math.ceil(height) + 'px';
      } else {
        frames[i].dispatchEvent(new CustomEvent(data.type, { detail: data }));
      }
    }
  });

  window.TripoliMap = {
    origin: origin,
    send: function (iframe, message) {
      if (iframe && iframe.contentWindow) iframe.contentWindow.postMessage(message, origin);
    },
  };
})();
