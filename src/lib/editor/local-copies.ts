/**
 * What this browser keeps of a person's strategies: the offline copy of each text (IndexedDB),
 * the paragraphs rescued for them [D10] (local storage), and a list of the strategies whose copy
 * holds changes the server has not stored. Everything is keyed by person: on a shared computer,
 * signing out removes one person's copies and leaves the others'.
 */

export const offlineCopyName = (userId: number, strategyId: string) => `acquis:${userId}:${strategyId}`;
export const rescuedKey = (userId: number, strategyId: string) => `acquis:rescued:${userId}:${strategyId}`;
const unsentKey = (userId: number) => `acquis:unsent:${userId}`;

/** Sent to an open editor before its copies are removed: it closes them (an open database cannot be deleted). */
export const SIGNING_OUT = 'acquis:signing-out';

function unsent(userId: number): string[] {
	try {
		const stored: unknown = JSON.parse(localStorage.getItem(unsentKey(userId)) ?? '[]');
		return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}

/** Notes whether a strategy's copy holds changes the server has not stored. */
export function noteUnsent(userId: number, strategyId: string, pending: boolean): void {
	const before = unsent(userId);
	const after = pending ? [...new Set([...before, strategyId])] : before.filter((id) => id !== strategyId);
	if (after.length === before.length) return;
	if (after.length > 0) localStorage.setItem(unsentKey(userId), JSON.stringify(after));
	else localStorage.removeItem(unsentKey(userId));
}

/** The strategies for which this browser holds the person's work and nothing else does: changes not stored, paragraphs rescued. */
export function workOnlyHere(userId: number): string[] {
	const rescued = Object.keys(localStorage)
		.filter((key) => key.startsWith(rescuedKey(userId, '')))
		.map((key) => key.slice(rescuedKey(userId, '').length));
	return [...new Set([...unsent(userId), ...rescued])].sort();
}

function deleteDatabase(name: string): Promise<void> {
	return new Promise((resolve) => {
		const request = indexedDB.deleteDatabase(name);
		// "blocked" is followed by success once the last connection closes.
		request.onsuccess = request.onerror = () => resolve();
	});
}

/** Removes the person's copies from this browser: their texts, rescued paragraphs and notes. */
export async function forgetLocalCopies(userId: number): Promise<void> {
	dispatchEvent(new Event(SIGNING_OUT));
	const prefix = offlineCopyName(userId, '');
	const databases = await indexedDB.databases();
	await Promise.all(databases.flatMap(({ name }) => (name?.startsWith(prefix) ? [deleteDatabase(name)] : [])));
	for (const key of Object.keys(localStorage)) {
		if (key.startsWith(rescuedKey(userId, '')) || key === unsentKey(userId)) localStorage.removeItem(key);
	}
}
