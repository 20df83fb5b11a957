import type { DisclosedFields, ProviderInfo } from '../models/index.js';
import { PROVIDERS } from './fixtures.js';
import { escapeHtml, jsonForScript } from './html.js';
import { keysOf } from './identity.js';
import { LaunchFailCode, LaunchPreset } from './launchModels.js';
import { LAUNCH_SCRIPT } from './launchScript.js';
import { LAUNCH_STYLE } from './launchStyle.js';
import { PRESETS } from './presets.js';
import type { LaunchView } from './store.js';

// The launch page as HTML, in its three states: open (the person acts), finished, and unknown.
// Every value from the Session goes through escapeHtml or jsonForScript.

const FIELD_LABELS: Readonly<Record<keyof DisclosedFields, string>> = {
  givenName: 'Given name',
  familyName: 'Family name',
  dateOfBirth: 'Date of birth',
  address: 'Address',
  country: 'Country',
  idNumber: 'ID number',
  issueDate: 'Document issue date',
  expirationDate: 'Document expiration date',
  documentFront: 'Document front',
  documentBack: 'Document back',
  documentPortrait: 'Document portrait',
  selfie: 'Selfie',
};

const FAILURES: Readonly<Record<LaunchFailCode, string>> = {
  SessionFailUserCanceled: 'Cancel the verification',
  SessionFailAuthentication: 'Fail to sign in to the provider',
  SessionFailVerificationFailed: 'Fail the verification (document not authentic)',
  SessionFailExpired: 'Let the Session expire',
};

const providerInfo = (id: string): ProviderInfo =>
  PROVIDERS.find((provider) => provider.id === id) ?? { id, name: id, logoUrl: '' };

const page = (nonce: string, title: string, body: string, script = ''): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Connect sandbox</title>
<style nonce="${nonce}">${LAUNCH_STYLE}</style>
</head>
<body>
<main>
<div class="card">
<div class="top"><p class="badge">Connect sandbox</p>${script === '' ? '' : '<button type="button" class="close" data-action="close" aria-label="Close">×</button>'}</div>
${body}
</div>
</main>
${script}
</body>
</html>
`;

const providerChoice = (ids: readonly string[]): string => {
  const providers = ids.map(providerInfo);
  const [only] = providers;
  if (providers.length === 1 && only !== undefined) {
    const logo = only.logoUrl.startsWith('data:image/')
      ? `<img alt="" src="${escapeHtml(only.logoUrl)}">`
      : '';
    return `<p class="provider">${logo}<span>${escapeHtml(only.name)}</span></p>
<input type="hidden" name="provider" value="${escapeHtml(only.id)}">`;
  }
  const options = providers
    .map((p) => `<option value="${escapeHtml(p.id)}">${escapeHtml(p.name)}</option>`)
    .join('');
  return `<label for="provider">Verify with</label><select id="provider" name="provider">${options}</select>`;
};

const presetChoices = (): string =>
  LaunchPreset.values
    .map(
      (
        name,
        i,
      ) => `<label class="choice"><input type="radio" name="identity" value="${name}"${i === 0 ? ' checked' : ''}>
<span><strong>${escapeHtml(PRESETS[name].label)}</strong><small>${escapeHtml(PRESETS[name].description)}</small></span></label>`,
    )
    .join('\n');

const failureButtons = (): string =>
  LaunchFailCode.values
    .map(
      (code) =>
        `<button type="button" data-outcome="${code}">${escapeHtml(FAILURES[code])}<br><small>${code}</small></button>`,
    )
    .join('\n');

const disclosedList = (fields: DisclosedFields): string => {
  const labels = keysOf(FIELD_LABELS)
    .filter((name) => fields[name])
    .map((name) => FIELD_LABELS[name]);
  return labels.length === 0
    ? '<p>Nothing beyond the verification itself.</p>'
    : `<ul class="fields">${labels.map((label) => `<li>${escapeHtml(label)}</li>`).join('')}</ul>`;
};

/** Said before the script knows more (it then names the one destination). */
const destinationText = (origins: readonly string[]): string =>
  origins.length === 0
    ? 'No site is declared to receive the result.'
    : `The result may be sent only to ${origins.join(', ')}.`;

/** The page where the person acts as the end user. */
export const openPage = (
  view: LaunchView,
  resultOrigins: readonly string[],
  nonce: string,
): string => {
  const { session } = view;
  const data = { sessionId: session.id, redirectUrl: view.redirectUrl ?? null, resultOrigins };
  return page(
    nonce,
    'Verify your identity',
    `<h1>Verify your identity</h1>
<p class="lead">Not a real verification: this page stands in for Trinsic's. Act as the person being verified; the result goes back only to a site the relying party declared.</p>
<p id="destination" class="destination" role="note">${escapeHtml(destinationText(resultOrigins))}</p>
<h2>The site asks for</h2>
${disclosedList(session.disclosedFields)}
<form id="act" aria-label="Act as the person being verified">
<h2>Identity provider</h2>
${providerChoice(view.providers)}
<fieldset>
<legend>Succeed as</legend>
${presetChoices()}
<button type="button" class="primary" data-outcome="success">Verify successfully</button>
</fieldset>
<fieldset>
<legend>Or fail</legend>
<div class="fails">
${failureButtons()}
</div>
</fieldset>
</form>
<div id="notice" class="notice" role="alert" hidden></div>
<section id="result" class="result" role="status" aria-live="polite" tabindex="-1" hidden></section>
<p class="meta">Session <code>${escapeHtml(session.id)}</code></p>`,
    `<script type="application/json" id="launch-data">${jsonForScript(data)}</script>
<script nonce="${nonce}">${LAUNCH_SCRIPT}</script>`,
  );
};

/** A Session the person has already finished, or that ended otherwise: nothing to do. */
export const finishedPage = (view: LaunchView, nonce: string): string =>
  page(
    nonce,
    'This Session is finished',
    `<h1>This Session is finished</h1>
<p>Session <code>${escapeHtml(view.session.id)}</code> is <strong>${escapeHtml(view.session.state)}</strong>${view.session.failCode === undefined || view.session.failCode === 'SessionFailNone' ? '' : ` (${escapeHtml(view.session.failCode)})`}. Its result was already given; it cannot be completed again.</p>
<p class="lead">To verify again, create a new Session and open its launch URL.</p>`,
  );

/** A client token no Session has: mistyped, from before a reset, or from another sandbox. */
export const unknownPage = (nonce: string): string =>
  page(
    nonce,
    'This launch link is not valid',
    `<h1>This launch link is not valid</h1>
<p>No Session has this client token. The sandbox may have been reset or restarted since the Session was created (it keeps everything in memory), or the link belongs to another sandbox.</p>
<p class="lead">Create a new Session and open its launch URL.</p>`,
  );
