import { HOW_TO_DECLARE } from './launchOrigins.js';

// The launch page's script, sent inline under the page's CSP nonce. Plain ES2017 for any browser
// a developer may open the page in. It reads the page's data block and its own URL, completes the
// Session through the sandbox when the person acts, then hands the result back as
// @trinsic/web-ui 2.0.1 expects it: to the parent (embed=iframe), else to the opener (a popup),
// else to the raw `redirectUrl` query parameter (what launchRedirect appends), else to the
// Session's own redirectUrl, else it shows the result on the page. A result goes only to the
// origins the relying party declared (data.resultOrigins): a message names its target origin
// (never '*', so a window that has meanwhile moved elsewhere gets nothing), and a redirect goes
// nowhere else. Where it will go is said before the person acts; a destination that is refused
// is said too, and the person cannot act, so no key is made for nobody. Text is only ever set
// with textContent, and only http(s) URLs are followed.

export const LAUNCH_SCRIPT = String.raw`(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('launch-data').textContent);
  var declared = data.resultOrigins;
  var params = new URLSearchParams(location.search);
  var clientToken = params.get('clientToken') || '';
  var framed = params.get('embed') === 'iframe' && window.parent !== window;
  var opener = !framed && window.opener && !window.opener.closed ? window.opener : null;
  var form = document.getElementById('act');
  var resultBox = document.getElementById('result');
  var noticeBox = document.getElementById('notice');
  var destinationLine = document.getElementById('destination');
  var controls = Array.prototype.slice.call(document.querySelectorAll('[data-outcome], [data-action]'));
  var where;

  function howToAllow(origin) {
    return 'To allow ' + origin + ', ' + ${JSON.stringify(HOW_TO_DECLARE)} + '.';
  }

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
      return { refused: source + ' is not an absolute URL, so no result is sent there.' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { refused: source + ' is a "' + url.protocol + '" URL: only http and https URLs are followed, so no result is sent there.' };
    }
    if (declared.indexOf(url.origin) === -1) {
      return { refused: source + ' goes to ' + url.origin + ', which the relying party has not declared, so no result is sent there. ' + howToAllow(url.origin) };
    }
    return { url: url };
  }

  // The origin of the page that embeds or opened this one, when the browser tells it.
  function knownOrigin() {
    var ancestors = location.ancestorOrigins;
    if (framed && ancestors && ancestors.length > 0 && /^https?:/.test(ancestors[0])) return ancestors[0];
    try {
      var referrer = new URL(document.referrer);
      if (referrer.protocol === 'http:' || referrer.protocol === 'https:') return referrer.origin;
    } catch (e) { /* no referrer */ }
    return null;
  }

  function messageDestination() {
    var who = framed ? 'the page that embeds this one' : 'the window that opened this one';
    var known = knownOrigin();
    if (known !== null && declared.indexOf(known) === -1) {
      return { kind: 'page', refused: 'This page was opened by ' + known + ', which the relying party has not declared, so no result is sent to it. ' + howToAllow(known) };
    }
    if (known === null && declared.length === 0) {
      return { kind: 'page', refused: 'No origin is declared to receive results, so none is sent to ' + who + '. ' + howToAllow("your site's origin") };
    }
    // Unknown (no referrer): one message per declared origin; the browser delivers only the
    // one naming the origin the window is at now, if any.
    return {
      kind: framed ? 'parent' : 'opener',
      window: framed ? window.parent : opener,
      targets: known !== null ? [known] : declared,
      where: who + (known !== null ? ' (' + known + ')' : ', if it is at ' + declared.join(' or ')),
    };
  }

  function destination() {
    if (framed || opener) return messageDestination();
    var requested = redirectParameter(location.href);
    var candidates = [[requested, 'The redirectUrl parameter'], [data.redirectUrl, "The Session's redirectUrl"]];
    for (var i = 0; i < candidates.length; i++) {
      var value = candidates[i][0];
      if (value === null || value === undefined || value === '') continue;
      var checked = checkTarget(value, candidates[i][1]);
      return checked.url ? { kind: 'redirect', url: checked.url } : { kind: 'page', refused: checked.refused };
    }
    return { kind: 'page' };
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
    if (where.kind === 'parent' || where.kind === 'opener') {
      where.targets.forEach(function (origin) { where.window.postMessage(message, origin); });
      showMessage(message, outcome, 'Sent to ' + where.where + '.');
    } else if (where.kind === 'redirect') {
      var url = withResult(where.url, message);
      showMessage(message, outcome, 'Returning to ' + url.origin + ' …');
      location.assign(url.href);
    } else if (where.refused) {
      // Only a closed page gets here: it carries no key.
      show('Closed', [['Session', message.sessionId]], where.refused);
    } else {
      showMessage(message, outcome,
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

  where = destination();
  controls.forEach(function (control) {
    control.addEventListener('click', function () {
      if (control.getAttribute('data-action') === 'close') {
        deliver({ success: false, msg: 'user-closed', sessionId: data.sessionId }, 'user-closed');
      } else {
        complete(control.getAttribute('data-outcome'));
      }
    });
  });

  if (where.refused) {
    noticeBox.textContent = where.refused;
    noticeBox.hidden = false;
    destinationLine.textContent = 'The result will not be sent anywhere.';
    // No outcome can be chosen: a key made here would have nowhere to go.
    controls.forEach(function (control) {
      if (control.hasAttribute('data-outcome')) control.disabled = true;
    });
  } else if (where.kind === 'redirect') {
    destinationLine.textContent = 'The result will be sent to ' + where.url.origin + where.url.pathname + '.';
  } else if (where.kind === 'page') {
    destinationLine.textContent = 'The result will be shown on this page: no site is waiting for it.';
  } else {
    destinationLine.textContent = 'The result will be sent to ' + where.where + '.';
  }
})();
`;
