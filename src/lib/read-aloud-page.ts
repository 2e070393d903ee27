/**
 * The read-aloud buttons of a page that comes without Svelte's scripts (csr = false, as the
 * welcome page): ReadAloud.svelte loads this on its own, bundled by Vite with what it imports.
 */
import { readAloud } from './read-aloud';

for (const button of document.querySelectorAll<HTMLElement>('[data-read-aloud]')) readAloud(button);
