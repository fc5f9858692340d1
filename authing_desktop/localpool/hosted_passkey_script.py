"""The WebAuthn script of the hosted pages (docs/passkeys.md, "Hosted page and Gen-2 routes").

Served as a file of the pool's own origin (`SCRIPT_PATH`), so the pages' Content-Security-Policy
allows scripts from ``'self'`` only, never inline code. The script does nothing on a page
without its elements, and leaves the passkey buttons hidden in a browser without WebAuthn.

- **Sign in with a passkey** (``#passkey-sign-in``): ``POST /api/v3/webauthn/login/initialize``
  (the Gen-2 start, as Authing's hosted page calls it), ``navigator.credentials.get`` with its
  ``publicKey``, then the assertion and the ticket go back in ``#passkey-form``, a form post to
  the page's own URL (CSRF token included), which ends like a password sign-in.
- **Add a passkey** (``#passkey-add``): the creation options from the page's own endpoint (the
  browser session cookie plus the form's CSRF token in a header), ``navigator.credentials.create``,
  then the attestation goes back in ``#passkey-add-form``.

Binary fields travel as base64url (spec encoding, docs/passkeys.md); the JSON built here has the
WebAuthn Level 3 shape (``RegistrationResponseJSON`` / ``AuthenticationResponseJSON``).
"""

from __future__ import annotations

SCRIPT_PATH = "/hosted/passkeys.js"

SCRIPT = r"""'use strict';
(function () {
  function decode(text) {
    var base = text.replace(/-/g, '+').replace(/_/g, '/');
    var binary = atob(base + '==='.slice((base.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }
    return bytes.buffer;
  }
  function encode(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) { binary += String.fromCharCode(bytes[i]); }
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function descriptors(list) {
    return (list || []).map(function (item) {
      return Object.assign({}, item, {id: decode(item.id)});
    });
  }
  function requestOptions(options) {
    return Object.assign({}, options, {challenge: decode(options.challenge),
                                       allowCredentials: descriptors(options.allowCredentials)});
  }
  function creationOptions(options) {
    return Object.assign({}, options, {
      challenge: decode(options.challenge),
      user: Object.assign({}, options.user, {id: decode(options.user.id)}),
      excludeCredentials: descriptors(options.excludeCredentials)});
  }
  function common(credential) {
    return {id: credential.id, rawId: encode(credential.rawId), type: credential.type,
            authenticatorAttachment: credential.authenticatorAttachment || null,
            clientExtensionResults: credential.getClientExtensionResults()};
  }
  function assertionJSON(credential) {
    var response = credential.response;
    return Object.assign(common(credential), {response: {
      clientDataJSON: encode(response.clientDataJSON),
      authenticatorData: encode(response.authenticatorData),
      signature: encode(response.signature),
      userHandle: response.userHandle ? encode(response.userHandle) : null}});
  }
  function attestationJSON(credential) {
    var response = credential.response;
    return Object.assign(common(credential), {response: {
      clientDataJSON: encode(response.clientDataJSON),
      attestationObject: encode(response.attestationObject),
      transports: response.getTransports ? response.getTransports() : []}});
  }
  function say(text) {
    var status = document.getElementById('passkey-status');
    status.textContent = text;
    status.hidden = !text;
  }
  function failed(error) {
    if (error && error.name === 'NotAllowedError') {
      return 'The passkey request was cancelled or timed out. Try again.';
    }
    if (error && error.name === 'InvalidStateError') {
      return 'This passkey is already on your account.';
    }
    return (error && error.localMessage) || 'Your browser could not use a passkey here.';
  }
  async function postJSON(url, headers) {
    var reply = await fetch(url, {method: 'POST', credentials: 'same-origin',
      headers: Object.assign({'content-type': 'application/json'}, headers || {}), body: '{}'});
    var body = await reply.json();
    if (!reply.ok || body.statusCode !== 200) {
      var error = new Error('refused');
      error.localMessage = body.message || 'The pool refused the request.';
      throw error;
    }
    return body.data;
  }
  async function signIn(button) {
    var form = document.getElementById('passkey-form');
    button.disabled = true;
    say('');
    try {
      var data = await postJSON('/api/v3/webauthn/login/initialize');
      var credential = await navigator.credentials.get(
        {publicKey: requestOptions(data.publicKey)});
      form.elements.credential.value = JSON.stringify(assertionJSON(credential));
      form.elements.ticket.value = data.ticket;
      form.submit();
    } catch (error) {
      say(failed(error));
      button.disabled = false;
    }
  }
  async function add(button) {
    var form = document.getElementById('passkey-add-form');
    button.disabled = true;
    say('');
    try {
      var data = await postJSON(button.dataset.optionsUrl,
                                {'x-csrf-token': form.elements.csrf_token.value});
      var credential = await navigator.credentials.create(
        {publicKey: creationOptions(data.publicKey)});
      form.elements.credential.value = JSON.stringify(attestationJSON(credential));
      form.submit();
    } catch (error) {
      say(failed(error));
      button.disabled = false;
    }
  }
  function wire(id, action) {
    var button = document.getElementById(id);
    if (!button) { return; }
    if (!window.PublicKeyCredential || !navigator.credentials) {
      var missing = document.getElementById('passkey-unsupported');
      if (missing) { missing.hidden = false; }
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () { action(button); });
  }
  wire('passkey-sign-in', signIn);
  wire('passkey-add', add);
})();
"""
