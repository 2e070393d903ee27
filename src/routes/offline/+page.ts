// Built once and precached by the service worker: it is what a page shows without a network.
export const prerender = true;
// Plain HTML: it speaks every language itself, so nothing needs to run or hydrate.
export const csr = false;
