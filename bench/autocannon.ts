// autocannon ships no types; this is the part of its API the benches use.
import { createRequire } from 'node:module';

/** What autocannon keeps per connection, for a request to hand on to the answer's handler. */
export type Context = { author?: number };

export type Request = {
	method?: string;
	path?: string;
	headers?: Record<string, string>;
	body?: string;
	setupRequest?: (req: Request, context: Context) => Request;
	onResponse?: (status: number, body: string, context: Context, headers: unknown) => void;
};

type Histogram = { average: number; p50: number; p99: number; max: number; total: number };

export type Result = {
	requests: Histogram;
	latency: Histogram;
	errors: number;
	timeouts: number;
	statusCodeStats: Record<string, { count: number }>;
};

export const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
	url: string;
	connections: number;
	duration: number;
	headers?: Record<string, string>;
	requests?: Request[];
}) => Promise<Result>;
