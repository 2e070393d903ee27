import { describe, expect, it } from 'vitest';
import { can, MATRIX, ROLES, type Permission } from './roles';

describe('role matrix', () => {
	it('keeps help posts, messages and balances away from professionals', () => {
		for (const p of [
			'help.view',
			'help.post',
			'messages.view',
			'balance.view',
			'keys.use'
		] as const) {
			expect(can('professional', p)).toBe(false);
			expect(can('resident', p)).toBe(true);
			expect(can('verbinder', p)).toBe(true);
		}
	});

	it('lets only verbinders manage members, codes and see house numbers', () => {
		const verbinderOnly: Permission[] = [
			'members.view',
			'members.manage',
			'members.houseNumbers',
			'joinCode.view',
			'joinCode.rotate',
			'loginCode.issue'
		];
		for (const p of verbinderOnly) {
			expect(can('verbinder', p)).toBe(true);
			expect(can('resident', p)).toBe(false);
			expect(can('professional', p)).toBe(false);
		}
	});

	it('lets every role into its own flat', () => {
		for (const role of ROLES) expect(can(role, 'flat.view')).toBe(true);
	});

	it('names only known roles', () => {
		for (const allowed of Object.values(MATRIX))
			for (const role of allowed) expect(ROLES).toContain(role);
	});
});
