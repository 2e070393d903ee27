/** Every in-app link is built here, so a route can move in one place. */
export const links = {
	home: () => '/',
	flat: (slug: string, sub = '') => `/f/${slug}${sub ? `/${sub}` : ''}`,
	join: (code?: string) => (code ? `/join/${encodeURIComponent(code)}` : '/join'),
	login: (redirectTo?: string) =>
		redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : '/login',
	adminLogin: () => '/admin/login',
	code: () => '/code',
	settings: () => '/settings'
};

/**
 * Only same-origin paths may be redirect targets: `/x` yes; `//evil`, `/\evil`, `https:…` no.
 */
export function safeRedirect(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	if (/[\u0000-\u001f]/.test(target)) return fallback;
	return target;
}
