// Brings the violation into view: the page scrolls only when the close-up is below the fold, and each timeline
// that scrolls sideways centres its marked op.
(function () {
  'use strict';
  var marks = document.querySelectorAll('rect.mark.primary');
  for (var i = 0; i < marks.length; i++) {
    var box = marks[i].closest('.scroll');
    if (!box) continue;
    var r = marks[i].getBoundingClientRect();
    var b = box.getBoundingClientRect();
    if (r.left < b.left || r.right > b.right) {
      box.scrollLeft += (r.left + r.width / 2) - (b.left + b.width / 2);
    }
  }
  var v = document.getElementById('closeup-violation') || document.getElementById('timeline-violation');
  if (v) {
    var rect = v.getBoundingClientRect();
    if (rect.bottom > window.innerHeight || rect.top < 0) {
      v.scrollIntoView({block: 'center', inline: 'nearest'});
    }
  }
})();

// Zoom and pan of the run's timeline: the plot area's viewBox narrows; ticks and the violation's label are redrawn
// outside it, so text is never stretched.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  function niceStep(span, target) {
    var raw = Math.max(span, 1e-9) / target;
    var pow = Math.pow(10, Math.floor(Math.log10(raw)));
    var f = raw / pow;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
  }
  function label(t, step, timed) {
    if (!timed) return 'op ' + Math.round(t);
    if (t === 0) return '0';
    var a = Math.abs(t);
    var unit = a >= 1e9 || step >= 1e8 ? [1e9, ' s'] : a >= 1e6 || step >= 1e5 ? [1e6, ' ms'] : a >= 1e3 ? [1e3, ' µs'] : [1, ' ns'];
    var decimals = Math.max(0, Math.min(9, Math.ceil(-Math.log10(step / unit[0]))));
    return (t / unit[0]).toFixed(decimals) + unit[1];
  }
  var boxes = document.querySelectorAll('.zoom');
  Array.prototype.forEach.call(boxes, function (box) {
    var svg = box.querySelector('svg.timeline');
    var area = svg && svg.querySelector('svg.zoom-area');
    if (!area) return;
    var L = +area.getAttribute('x'), W = +area.getAttribute('width'), H = +area.getAttribute('height');
    var right = 12;
    var plot = W - right;
    var from = +svg.getAttribute('data-from'), to = +svg.getAttribute('data-to');
    var timed = svg.getAttribute('data-timed') === 'true';
    var ticks = svg.querySelector('g.ticks');
    var k = 1, x0 = L;
    function timeAt(u) { return from + (u - L) / plot * (to - from); }
    function redraw() {
      k = Math.max(1, Math.min(k, 2000));
      var w = W / k;
      x0 = Math.max(L, Math.min(x0, L + W - w));
      area.setAttribute('viewBox', x0 + ' 0 ' + w + ' ' + H);
      svg.classList.toggle('zoomed', k > 1.0001);
      var t0 = timeAt(x0), t1 = timeAt(x0 + plot / k);
      var step = niceStep(t1 - t0, 10);
      while (ticks.firstChild) ticks.removeChild(ticks.firstChild);
      for (var t = Math.ceil(t0 / step) * step; t <= t1 + step * 1e-9; t += step) {
        var x = L + (t - t0) / (t1 - t0) * plot;
        var line = document.createElementNS(NS, 'line');
        line.setAttribute('class', 'grid');
        line.setAttribute('x1', x); line.setAttribute('x2', x);
        line.setAttribute('y1', 18); line.setAttribute('y2', H - 18);
        var text = document.createElementNS(NS, 'text');
        text.setAttribute('x', x); text.setAttribute('y', H - 5); text.setAttribute('text-anchor', 'middle');
        text.textContent = label(t, step, timed);
        ticks.appendChild(line); ticks.appendChild(text);
      }
      Array.prototype.forEach.call(svg.querySelectorAll('.pin'), function (p) {
        var x = L + (+p.getAttribute('data-x') - x0) * k;
        p.setAttribute('x', x + (+p.getAttribute('data-dx')));
        p.style.display = x < L || x > L + W ? 'none' : '';
      });
    }
    function zoom(factor, atClientX) {
      var r = svg.getBoundingClientRect();
      var scale = svg.viewBox.baseVal.width / r.width;
      var px = atClientX === undefined ? L + W / 2 : (atClientX - r.left) * scale;
      var u = x0 + (px - L) / k;
      k = k * factor;
      x0 = u - (px - L) / Math.max(1, Math.min(k, 2000));
      redraw();
    }
    box.querySelector('[data-zoom=in]').addEventListener('click', function () { zoom(2); });
    box.querySelector('[data-zoom=out]').addEventListener('click', function () { zoom(0.5); });
    box.querySelector('[data-zoom=fit]').addEventListener('click', function () { k = 1; x0 = L; redraw(); });
    svg.addEventListener('wheel', function (e) {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      zoom(e.deltaY < 0 ? 1.25 : 0.8, e.clientX);
    }, {passive: false});
    var drag = null;
    svg.addEventListener('mousedown', function (e) { drag = {x: e.clientX, x0: x0}; });
    window.addEventListener('mouseup', function () { drag = null; });
    window.addEventListener('mousemove', function (e) {
      if (!drag || k <= 1) return;
      var r = svg.getBoundingClientRect();
      var scale = svg.viewBox.baseVal.width / r.width;
      x0 = drag.x0 - (e.clientX - drag.x) * scale / k;
      redraw();
    });
  });
})();
