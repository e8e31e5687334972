/** The page's fixed elements and the small moves every step makes: announce, show an error, move focus. */
import { fill, show } from './elements.js';

export const $ = (id) => document.getElementById(id);

/** The page's state while it is open; nothing of it outlives the window but the token. */
export const state = { me: null, input: null, checked: null, unaccepted: [] };

export function announce(text) {
  $('announcer').textContent = '';
  // Emptied first and refilled on the next frame, so screen readers repeat an identical message.
  requestAnimationFrame(() => fill($('announcer'), text));
}

export function showError(id, message) {
  $(id).textContent = message ?? '';
  show($(id), Boolean(message));
}

export function focusHeading(id) {
  $(id).setAttribute('tabindex', '-1');
  $(id).focus();
}

export function busy(button, isBusy) {
  button.disabled = isBusy;
  button.setAttribute('aria-busy', String(isBusy));
}

export function sizeText(bytes) {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
