/// <reference types="vite-plugin-pwa/info" />
import type { Session, SessionUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			/** id, name, locale, isAdmin: nothing secret. */
			user: SessionUser | null;
			session: Session | null;
		}
		interface Error {
			message: string;
		}
		interface PageState {
			[key: string]: never;
		}
	}
}

export {};
