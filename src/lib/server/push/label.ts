/** "Android · Chrome": enough for a member to tell their devices apart, nothing more kept. */
export function deviceLabel(userAgent: string | null): string {
	const ua = userAgent ?? '';
	const system = /iPhone|iPad/.test(ua)
		? 'iPhone/iPad'
		: /Android/.test(ua)
			? 'Android'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X/.test(ua)
					? 'Mac'
					: /Linux/.test(ua)
						? 'Linux'
						: '';
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /Firefox\//.test(ua)
			? 'Firefox'
			: /SamsungBrowser\//.test(ua)
				? 'Samsung Internet'
				: /Chrome\//.test(ua)
					? 'Chrome'
					: /Safari\//.test(ua)
						? 'Safari'
						: '';
	return [system, browser].filter(Boolean).join(' · ');
}

/** The push service behind an endpoint ("fcm.googleapis.com"): what logs and exports show of it. */
export function serviceHost(endpoint: string): string | null {
	try {
		return new URL(endpoint).host;
	} catch {
		return null;
	}
}
