import { m } from '$lib/paraglide/messages';

/**
 * Sent without a network, a form would fail and could lose what was typed: it stays as it
 * is, with a word under it. Caught on the way down, before `use:enhance` sees it.
 */
function keepOfflineForm(event: SubmitEvent) {
	const form = event.target;
	if (navigator.onLine || !(form instanceof HTMLFormElement) || form.method !== 'post') return;
	event.preventDefault();
	event.stopPropagation();
	form.querySelector(':scope > [data-offline-note]')?.remove();
	const note = document.createElement('p');
	note.className = 'notice error';
	note.setAttribute('role', 'alert');
	note.dataset.offlineNote = '';
	note.textContent = m.pwa_form_offline();
	form.append(note);
}

function dropOfflineNotes() {
	for (const note of document.querySelectorAll('[data-offline-note]')) note.remove();
}

/** Keeps forms sent offline as they are, for the whole app; returns how to stop. */
export function keepOfflineForms(): () => void {
	window.addEventListener('submit', keepOfflineForm, { capture: true });
	window.addEventListener('online', dropOfflineNotes);
	return () => {
		window.removeEventListener('submit', keepOfflineForm, { capture: true });
		window.removeEventListener('online', dropOfflineNotes);
	};
}
