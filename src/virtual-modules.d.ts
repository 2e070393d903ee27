/** The address of the app's own page script, built by vite.config.ts (`pageScript`). */
declare module 'virtual:page-script' {
	const path: string;
	export default path;
}
