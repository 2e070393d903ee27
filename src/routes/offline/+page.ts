// Built once and precached by the service worker: it is what a page shows without a network.
export const prerender = true;
