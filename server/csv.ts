/**
 * RFC 4180 CSV. A cell that a spreadsheet would read as a formula (=, +, -, @, tab, return)
 * is prefixed with an apostrophe: an export must never run anything when opened. The file
 * starts with a byte-order mark: without it Excel reads UTF-8 as the machine's code page,
 * and "Hadžić" or "Стојановски" come out garbled.
 */
export function toCsv(rows: (string | number | null)[][]): string {
	const cell = (value: string | number | null) => {
		let text = value === null ? '' : String(value);
		if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	};
	return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
