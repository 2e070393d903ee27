/**
 * The app's own script, on every page: the reading pages (board, calendar, welcome page) come
 * without Svelte's scripts, so what the app does around a page lives here, once, for them and
 * for the hydrated pages alike. It registers the service worker and offers a new version with
 * a bar, shows the offline banner for a page opened inside the app from the worker's saved
 * data, keeps the browser's install offer for the page's install button, keeps a form sent
 * offline as it is, and tells the worker when someone logs out.
 *
 * It is built on its own, without imports (vite.config.ts, `pageScript`): about 1 KB that the
 * worker keeps, so it also runs on a page read offline. Its texts come in the page's language
 * as data attributes of its own <script> element (src/lib/server/page-script.ts).
 */

/** Chrome's install offer (not in TypeScript's DOM types). */
interface InstallOffer extends Event {
	prompt(): Promise<void>;
	readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The banner's two texts as the server writes them, with `{time}` and `{day}` left in. */
export type BannerTexts = { banner?: string; bannerDay?: string };

/**
 * "You are offline — showing what you saw at 14:05", in the device's time; a copy from an
 * earlier day names the day too. The same words as the worker's banner in a saved page
 * (`bannerText` in offline-banner.ts; the unit test holds them together).
 */
export function offlineBannerText(
	texts: BannerTexts,
	locale: string,
	cachedAt: Date,
	now = new Date()
): string {
	const time = new Intl.DateTimeFormat(locale, {
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(cachedAt);
	if (cachedAt.toDateString() === now.toDateString())
		return (texts.banner ?? '').replace('{time}', time);
	const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long' }).format(cachedAt);
	return (texts.bannerDay ?? '').replace('{day}', day).replace('{time}', time);
}

function start(): void {
	const texts: DOMStringMap = document.getElementById('page-script')?.dataset ?? {};

	/**
	 * The script is `async` (nothing on the page waits for it, not even DOMContentLoaded), so
	 * it may run before the body is there.
	 */
	const whenParsed = (run: () => void) => {
		if (document.readyState === 'loading')
			document.addEventListener('DOMContentLoaded', run, { once: true });
		else run();
	};

	/**
	 * A new version waits until the user chooses Reload (the worker's `SKIP_WAITING`), so a
	 * half-typed post is never thrown away.
	 */
	let updateOffered = false;
	function offerUpdate(registration: ServiceWorkerRegistration, onReload: () => void): void {
		if (updateOffered || !registration.waiting || !navigator.serviceWorker.controller) return;
		updateOffered = true;
		const bar = document.createElement('div');
		bar.className = 'update-prompt no-print';
		const text = document.createElement('p');
		text.setAttribute('role', 'status');
		text.textContent = texts.updateReady ?? '';
		const button = document.createElement('button');
		button.type = 'button';
		button.textContent = texts.updateReload ?? '';
		button.addEventListener('click', () => {
			onReload();
			const waiting = registration.waiting;
			if (waiting) waiting.postMessage({ type: 'SKIP_WAITING' });
			// Another tab already let it take over: this page only has to catch up.
			else location.reload();
		});
		bar.append(text, button);
		// Outside Kit's root element, so a hydrated page's navigation leaves it in place.
		whenParsed(() => document.body.append(bar));
	}

	function registerWorker(worker: ServiceWorkerContainer): void {
		let reloading = false;
		// The first install takes over at once (clients.claim) and changes the controller too:
		// only a Reload the user asked for reloads the page.
		worker.addEventListener('controllerchange', () => {
			if (reloading) location.reload();
		});
		worker
			.register('/service-worker.js', { scope: '/' })
			.then((registration) => {
				const offer = () => offerUpdate(registration, () => (reloading = true));
				offer();
				registration.addEventListener('updatefound', () => {
					const next = registration.installing;
					next?.addEventListener('statechange', () => {
						if (next.state === 'installed') offer();
					});
				});
			})
			.catch((error: unknown) => console.warn('service worker not registered', error));
	}

	/**
	 * A page loaded whole gets its banner from the worker, in its HTML. A hydrated page opening
	 * another inside the app loads only its data: the worker says which data came from its
	 * saved copies (`offline-copy`), and the root layout says when the navigation is done.
	 */
	function showOfflineCopies(worker: ServiceWorkerContainer): void {
		const here = () => location.pathname + location.search;
		const show = (cachedAt: number | undefined) => {
			// The banner in the HTML spoke of the first page only.
			for (const old of document.querySelectorAll('body > [data-offline-banner]')) old.remove();
			if (cachedAt === undefined) return;
			const banner = document.createElement('div');
			banner.setAttribute('role', 'status');
			banner.className = 'offline-banner';
			banner.dataset.offlineBanner = '';
			const locale = document.documentElement.lang || 'nl';
			banner.textContent = offlineBannerText(texts, locale, new Date(cachedAt));
			document.body.prepend(banner);
		};
		// By page, because a tap may load the data before the navigation itself begins.
		let copies = new Map<string, number>();
		worker.addEventListener('message', (event: MessageEvent) => {
			const copy = event.data as { type?: unknown; page?: unknown; cachedAt?: unknown } | null;
			if (copy?.type !== 'offline-copy' || typeof copy.page !== 'string') return;
			if (typeof copy.cachedAt !== 'number') return;
			copies.set(copy.page, copy.cachedAt);
			// Data for the page on screen (reloaded in place) may arrive after it rendered.
			if (copy.page === here()) whenParsed(() => show(copy.cachedAt as number));
		});
		window.addEventListener('burenbord:navigated', () => {
			show(copies.get(here()));
			copies = new Map();
		});
	}

	/**
	 * The browser offers installing once, soon after a page loads: kept for the page's own
	 * button instead of the browser's bar. The page is marked `data-install="offered"`, then
	 * `"installed"`; app.css shows `[data-install-offer]` and `[data-install-done]` by it, so a
	 * button that a hydrated page draws later follows too.
	 */
	function keepInstallOffer(): void {
		const root = document.documentElement;
		let offer: InstallOffer | null = null;
		window.addEventListener('beforeinstallprompt', (event) => {
			event.preventDefault();
			offer = event as InstallOffer;
			root.dataset.install = 'offered';
		});
		window.addEventListener('appinstalled', () => {
			offer = null;
			root.dataset.install = 'installed';
		});
		document.addEventListener('click', (event) => {
			const target = event.target;
			if (!offer || !(target instanceof Element) || !target.closest('[data-install-offer]')) return;
			// An offer can be used only once.
			const used = offer;
			offer = null;
			delete root.dataset.install;
			used
				.prompt()
				.then(() => used.userChoice)
				.then((choice) => {
					if (choice.outcome === 'accepted') root.dataset.install = 'installed';
				})
				.catch((error: unknown) => console.warn('install offer failed', error));
		});
	}

	/**
	 * Sent without a network, a form would fail and could lose what was typed: it stays as it
	 * is, with a word under it. Caught on the way down, before a hydrated page's `use:enhance`.
	 */
	function keepOfflineForms(): void {
		window.addEventListener(
			'submit',
			(event) => {
				const form = event.target;
				if (navigator.onLine || !(form instanceof HTMLFormElement) || form.method !== 'post')
					return;
				event.preventDefault();
				event.stopPropagation();
				form.querySelector(':scope > [data-offline-note]')?.remove();
				const note = document.createElement('p');
				note.className = 'notice error';
				note.setAttribute('role', 'alert');
				note.dataset.offlineNote = '';
				note.textContent = texts.formOffline ?? '';
				form.append(note);
			},
			{ capture: true }
		);
		window.addEventListener('online', () => {
			for (const note of document.querySelectorAll('[data-offline-note]')) note.remove();
		});
	}

	/**
	 * The pages the worker saved hold neighbours' names: they go when the user logs out. The
	 * worker also sees the logout's POST go by; this message is a second way. A form kept
	 * offline above never gets here.
	 */
	function forgetPagesOnLogout(): void {
		window.addEventListener('submit', (event) => {
			const form = event.target;
			if (!(form instanceof HTMLFormElement)) return;
			// getAttribute: `form.action` would be a field of the form named "action".
			const action =
				event.submitter?.getAttribute('formaction') ?? form.getAttribute('action') ?? '';
			if (new URL(action, location.href).pathname !== '/logout') return;
			navigator.serviceWorker?.controller?.postMessage({ type: 'logout' });
		});
	}

	const worker = navigator.serviceWorker;
	if (worker) {
		registerWorker(worker);
		showOfflineCopies(worker);
	}
	keepInstallOffer();
	keepOfflineForms();
	forgetPagesOnLogout();
}

// Imported by its unit test in Node, where there is no page.
if (typeof document !== 'undefined') start();
