/** Chrome's install offer (not in TypeScript's DOM types). */
interface BeforeInstallPromptEvent extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The browser's offer to install the app, kept for the button in settings. */
export const installation = $state<{ offer: BeforeInstallPromptEvent | null; installed: boolean }>({
	offer: null,
	installed: false
});

// The offer comes once, soon after the first page loads, usually long before anyone opens
// settings: so it is caught here, when the root layout loads this module.
if (typeof window !== 'undefined') {
	window.addEventListener('beforeinstallprompt', (event) => {
		// Keep it for our button instead of the browser's own bar.
		event.preventDefault();
		installation.offer = event as BeforeInstallPromptEvent;
	});
	window.addEventListener('appinstalled', () => {
		installation.offer = null;
		installation.installed = true;
	});
}

/** Shows the browser's install dialog; the offer can be used only once. */
export async function install(): Promise<void> {
	const offer = installation.offer;
	if (!offer) return;
	installation.offer = null;
	await offer.prompt();
	if ((await offer.userChoice).outcome === 'accepted') installation.installed = true;
}
