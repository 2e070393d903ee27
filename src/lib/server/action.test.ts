import { isActionFailure, isHttpError, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { routeEvent } from '../../../tests/unit/action-event';
import { action, type Failed } from './action';
import { WriteLimit } from './auth/rate-limit';
import { DomainError } from './errors';

const schema = v.object({ title: v.pipe(v.string(), v.minLength(2, 'too short')) });
const member = { user: { id: 7 } } as const;
const post = (form: Record<string, string>) =>
	routeEvent('/f/horst/help/new', { form, locals: { user: { id: 7 } as App.Locals['user'] } })
		.event;

/** The answer as a failed form, after checking that it is one. */
function failure(answer: unknown): ActionFailure<Failed> {
	expect(isActionFailure(answer)).toBe(true);
	return answer as ActionFailure<Failed>;
}

describe('one action helper', () => {
	it('guards, parses and runs the one verb, giving back the action and its result', async () => {
		const seen: unknown[] = [];
		const answer = await action({
			name: 'create',
			guard: () => member,
			schema,
			run: (ctx, data) => {
				seen.push(ctx, data);
				return { id: 12 };
			}
		})(post({ title: 'Plants' }));
		expect(answer).toEqual({ action: 'create', done: true, id: 12 });
		expect(seen).toEqual([member, { title: 'Plants' }]);
	});

	it('gives the form back with its values and errors when the input does not fit', async () => {
		let ran = false;
		const answer = await action({
			name: 'create',
			guard: () => member,
			schema,
			run: () => void (ran = true)
		})(post({ title: 'P' }));
		expect(failure(answer).status).toBe(400);
		expect(failure(answer).data).toEqual({
			action: 'create',
			values: { title: 'P' },
			errors: { title: 'too short' }
		});
		expect(ran).toBe(false);
	});

	it('never runs the verb when the guard refuses', async () => {
		let ran = false;
		const run = action({
			name: 'create',
			guard: (): typeof member => {
				throw new Error('no member');
			},
			run: () => void (ran = true)
		});
		await expect(run(post({}))).rejects.toThrow('no member');
		expect(ran).toBe(false);
	});

	it('turns a refusal of the domain into an answer, with the typed values kept', async () => {
		const refusing = (code: string) =>
			action({
				name: 'respond',
				guard: () => member,
				schema,
				run: () => {
					throw new DomainError('help', code);
				}
			})(post({ title: 'Plants' }));
		const own = await refusing('own_post');
		expect(failure(own).status).toBe(400);
		expect(failure(own).data.values).toEqual({ title: 'Plants' });
		expect(failure(own).data.message).toMatch(/\w/);
		const notAllowed = await refusing('not_allowed');
		expect(failure(notAllowed).status).toBe(403);
		const gone = await refusing('not_found').catch((e: unknown) => e);
		expect(isHttpError(gone) && gone.status).toBe(404);
	});

	it('puts an action’s own words beside the field it names', async () => {
		const answer = await action({
			name: 'join',
			guard: () => member,
			schema,
			refusals: { name_taken: { status: 400, field: 'title', message: () => 'taken' } },
			run: () => {
				throw new DomainError('members', 'name_taken');
			}
		})(post({ title: 'Kees' }));
		expect(failure(answer).data.errors).toEqual({ title: 'taken' });
	});

	it('lets any other error through: a bug is a 500, not a message', async () => {
		const run = action({
			name: 'create',
			guard: () => member,
			run: () => {
				throw new TypeError('bug');
			}
		});
		await expect(run(post({}))).rejects.toThrow(TypeError);
	});

	it('counts a write against its limit only when it went through', async () => {
		const limit = new WriteLimit({ account: 1, address: 100, minutes: 10 });
		let fail = true;
		const run = action({
			name: 'respond',
			guard: () => member,
			limit,
			run: () => {
				if (fail) throw new DomainError('help', 'wrong_state');
			}
		});
		const event = (): RequestEvent => post({});
		expect(isActionFailure(await run(event()))).toBe(true);
		fail = false;
		expect(await run(event())).toEqual({ action: 'respond', done: true });
		const limited = await run(event());
		expect(failure(limited).status).toBe(429);
	});
});
