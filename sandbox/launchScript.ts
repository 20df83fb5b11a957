// The launch page's script, sent inline under the page's CSP nonce. Plain ES2017 for any browser
// a developer may open the page in. It reads the page's data block and its own URL, completes the
// Session through the sandbox when the person acts, then hands the result back as
// @trinsic/web-ui 2.0.1 expects it: to the parent (embed=iframe), else to the opener (a popup),
// else to the raw `redirectUrl` query parameter (what launchRedirect appends), else to the
// Session's own redirectUrl, else it shows the result on the page. Text is only ever set with
// textContent, and only http(s) URLs are followed.

export const LAUNCH_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('launch-data').textContent);
  var params = new URLSearchParams(location.search);
  var clientToken = params.get('clientToken') || '';
  var framed = params.get('embed') === 'iframe' && window.parent !== window;
  var opener = !framed && window.opener && !window.opener.closed ? window.opener : null;
  var form = document.getElementById('act');
  var resultBox = document.getElementById('result');
  var noticeBox = document.getElementById('notice');
  var controls = Array.prototype.slice.call(document.querySelectorAll('[data-outcome], [data-action]'));

  // launchRedirect appends "&redirectUrl=" and the URL unencoded: all that follows the name is the
  // URL, its own query and fragment included. An encoded URL (http%3A...) is decoded once.
  function redirectParameter(href) {
    var match = /[?&]redirectUrl=/.exec(href);
    if (match === null) return null;
    var value = href.slice(match.index + match[0].length);
    if (/^https?%3A/i.test(value)) {
      try { value = decodeURIComponent(value.split('&')[0]); } catch (e) { /* kept as it is */ }
    }
    return value;
  }

  function checkTarget(text, source) {
    var url;
    try { url = new URL(text); } catch (e) {
      return { refused: source + ' is not an absolute URL, so the result is shown here instead of being sent there.' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { refused: source + ' is a "' + url.protocol + '" URL: only http and https URLs are followed, so the result is shown here instead.' };
    }
    return { url: url };
  }

  function destination() {
    if (framed) return { kind: 'parent', window: window.parent };
    if (opener) return { kind: 'opener', window: opener };
    var requested = redirectParameter(location.href);
    var candidates = [[requested, 'The redirectUrl parameter'], [data.redirectUrl, 'The Session\'s redirectUrl']];
    for (var i = 0; i < candidates.length; i++) {
      var value = candidates[i][0];
      if (value === null || value === undefined || value === '') continue;
      var checked = checkTarget(value, candidates[i][1]);
      return checked.url ? { kind: 'redirect', url: checked.url } : { kind: 'page', refused: checked.refused };
    }
    return { kind: 'page' };
  }

  // Only the page that launched this one gets the message, when its origin is known.
  function targetOrigin() {
    var ancestors = location.ancestorOrigins;
    if (framed && ancestors && ancestors.length > 0 && /^https?:/.test(ancestors[0])) return ancestors[0];
    try {
      var referrer = new URL(document.referrer);
      if (referrer.protocol === 'http:' || referrer.protocol === 'https:') return referrer.origin;
    } catch (e) { /* no referrer */ }
    return '*';
  }

  function withResult(url, message) {
    var out = new URL(url.href);
    var query = 'success=' + message.success + '&sessionId=' + encodeURIComponent(message.sessionId);
    if (message.resultsAccessKey) query += '&resultsAccessKey=' + encodeURIComponent(message.resultsAccessKey);
    out.search = out.search.length > 1 ? out.search + '&' + query : '?' + query;
    return out;
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function show(title, rows, note) {
    resultBox.textContent = '';
    resultBox.appendChild(element('h2', title));
    var list = element('dl');
    rows.forEach(function (row) {
      list.appendChild(element('dt', row[0]));
      list.appendChild(element('dd', row[1], row[2]));
    });
    resultBox.appendChild(list);
    if (note) resultBox.appendChild(element('p', note, 'note'));
    resultBox.hidden = false;
    resultBox.focus();
  }

  function showMessage(message, outcome, note) {
    var title = message.success ? 'Verified' : message.msg === 'user-closed' ? 'Closed' : 'Not verified';
    var rows = [['Outcome', outcome], ['Session', message.sessionId]];
    if (message.resultsAccessKey) rows.push(['Results access key', message.resultsAccessKey, 'secret']);
    show(title, rows, note);
  }

  function setEnabled(enabled) {
    controls.forEach(function (control) { control.disabled = !enabled; });
    form.setAttribute('aria-busy', enabled ? 'false' : 'true');
  }

  function deliver(message, outcome) {
    var where = destination();
    if (where.kind === 'parent' || where.kind === 'opener') {
      var origin = targetOrigin();
      where.window.postMessage(message, origin);
      showMessage(message, outcome, (where.kind === 'parent'
        ? 'Sent to the page that embeds this one'
        : 'Sent to the window that opened this one') +
        (origin === '*' ? ' (its origin is unknown: sent to any).' : ' (' + origin + ').'));
    } else if (where.kind === 'redirect') {
      var url = withResult(where.url, message);
      showMessage(message, outcome, 'Returning to ' + url.origin + ' …');
      location.assign(url.href);
    } else {
      // The refusal moves from the notice into the result.
      noticeBox.hidden = true;
      showMessage(message, outcome, where.refused ||
        'There is no frontend to return to (no parent, opener or redirectUrl), so the result is shown here.');
    }
  }

  function selected(selector) {
    var input = document.querySelector(selector);
    return input ? input.value : undefined;
  }

  function complete(outcome) {
    var body = { clientToken: clientToken, provider: selected('[name="provider"]') };
    if (outcome === 'success') {
      body.outcome = 'success';
      body.identity = selected('input[name="identity"]:checked');
    } else {
      body.outcome = 'failure';
      body.failCode = outcome;
    }
    setEnabled(false);
    fetch('/sandbox/launch/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (answer) {
      if (answer.status === 200) {
        form.hidden = true;
        deliver(answer.json, outcome);
        return;
      }
      var reason = answer.json && typeof answer.json.message === 'string'
        ? answer.json.message
        : answer.json && answer.json[0] ? answer.json[0].errorMessage : 'HTTP ' + answer.status;
      show('Not completed', [['Sandbox answer', 'HTTP ' + answer.status], ['Reason', String(reason)]]);
      // A Session that is finished or gone stays so: only a rejected choice can be made again.
      setEnabled(answer.status === 400);
    }).catch(function () {
      show('Not completed', [['Reason', 'The sandbox did not answer; is it still running?']]);
      setEnabled(true);
    });
  }

  controls.forEach(function (control) {
    control.addEventListener('click', function () {
      if (control.getAttribute('data-action') === 'close') {
        deliver({ success: false, msg: 'user-closed', sessionId: data.sessionId }, 'user-closed');
      } else {
        complete(control.getAttribute('data-outcome'));
      }
    });
  });

  var initial = destination();
  if (initial.refused) {
    noticeBox.textContent = initial.refused;
    noticeBox.hidden = false;
  }
})();
`;
