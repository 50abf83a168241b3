// The engines suite's first script in the demo page (tests/engines/engines.mjs): what went wrong, for
// a test to read in any engine (window.__errors), and with ?nowebgl a browser without WebGL.
(function () {
  var errors = window.__errors = [];
  var consoleError = console.error;
  console.error = function () {
    errors.push(Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener('error', function (e) { errors.push('uncaught: ' + e.message); });
  window.addEventListener('unhandledrejection', function (e) { errors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
  document.addEventListener('securitypolicyviolation', function (e) { errors.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI); });
  if (/[?&]nowebgl\b/.test(window.location.search)) {
    var getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind) {
      return /webgl/i.test(kind) ? null : getContext.apply(this, arguments);
    };
  }
})();
