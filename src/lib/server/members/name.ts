/** The form of a first name that login and uniqueness compare: trimmed, spaces folded, lower case. */
export function nameKey(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** A name as shown: trimmed, spaces folded, case kept. */
export function cleanName(name: string): string {
	return name.normalize('NFC').trim().replace(/\s+/g, ' ');
}
