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
