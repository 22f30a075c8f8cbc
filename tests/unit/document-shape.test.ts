import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shapeAllowed } from '../../server/collab/document-shape';
import { MAX_NESTING_DEPTH, MAX_TABLE_SPAN } from '../../src/lib/limits';

/** The server's document, and a writer's copy of it. */
function pair(): { server: Y.Doc; writer: Y.Doc } {
	const server = new Y.Doc();
	const writer = new Y.Doc();
	Y.applyUpdate(writer, Y.encodeStateAsUpdate(server));
	return { server, writer };
}

/** What `change` adds to the writer's copy, decoded as the room reads it. */
function change(writer: Y.Doc, edit: (fragment: Y.XmlFragment) => void): { update: Uint8Array; structs: ReturnType<typeof Y.decodeUpdate>['structs'] } {
	const before = Y.encodeStateVector(writer);
	writer.transact(() => edit(writer.getXmlFragment('default')));
	const update = Y.encodeStateAsUpdate(writer, before);
	return { update, structs: Y.decodeUpdate(update).structs };
}

function nested(depth: number) {
	return (fragment: Y.XmlFragment) => {
		let parent: Y.XmlFragment | Y.XmlElement = fragment;
		for (let i = 0; i < depth; i++) {
			const quote = new Y.XmlElement('blockquote');
			parent.insert(0, [quote]);
			parent = quote;
		}
	};
}

describe('the shape of the text [S6]', () => {
	it(`[S6] blocks nest up to ${MAX_NESTING_DEPTH} levels, no deeper`, () => {
		const { server, writer } = pair();
		expect(shapeAllowed(server, change(writer, nested(MAX_NESTING_DEPTH)).structs)).toBe(true);
		expect(() => shapeAllowed(new Y.Doc(), change(pair().writer, nested(MAX_NESTING_DEPTH + 1)).structs)).toThrow(/nested/);
	});

	it('[S6] a block added deep inside what the document already holds counts the levels above it', () => {
		const { server, writer } = pair();
		const deep = change(writer, nested(MAX_NESTING_DEPTH - 1));
		Y.applyUpdate(server, deep.update);
		const below = change(writer, (fragment) => {
			let element = fragment.get(0) as Y.XmlElement;
			while (element.length > 0) element = element.get(0) as Y.XmlElement;
			element.insert(0, [new Y.XmlElement('paragraph')]);
		});
		expect(shapeAllowed(server, below.structs)).toBe(true);
		Y.applyUpdate(server, below.update);
		const tooDeep = change(writer, (fragment) => {
			let element = fragment.get(0) as Y.XmlElement;
			while (element.length > 0) element = element.get(0) as Y.XmlElement;
			element.insert(0, [new Y.XmlElement('paragraph')]);
		});
		expect(() => shapeAllowed(server, tooDeep.structs)).toThrow(/nested/);
	});

	it(`[S6] a cell spans 1 to ${MAX_TABLE_SPAN} columns, also when its span is changed later`, () => {
		const { server, writer } = pair();
		const table = change(writer, (fragment) => {
			const cell = new Y.XmlElement('tableCell');
			cell.setAttribute('colspan', 2 as unknown as string);
			fragment.insert(0, [cell]);
		});
		expect(shapeAllowed(server, table.structs)).toBe(true);
		Y.applyUpdate(server, table.update);
		const cell = () => writer.getXmlFragment('default').get(0) as Y.XmlElement;
		// A change of an attribute names the value before it: the key comes from there.
		const widest = change(writer, () => cell().setAttribute('colspan', MAX_TABLE_SPAN as unknown as string));
		expect(shapeAllowed(server, widest.structs)).toBe(true);
		Y.applyUpdate(server, widest.update);
		expect(() => shapeAllowed(server, change(writer, () => cell().setAttribute('colspan', 400_000 as unknown as string)).structs)).toThrow(/spanning/);
		expect(() => shapeAllowed(server, change(writer, () => cell().setAttribute('rowspan', 0 as unknown as string)).structs)).toThrow(/spanning/);
	});

	it('[S6] a pasted page of 20,000 paragraphs, each placed after the one before, is one long chain and is taken', () => {
		const { server, writer } = pair();
		const paste = change(writer, (fragment) => {
			for (let i = 0; i < 20_000; i++) {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText(`Paragraph ${i}.`)]);
				fragment.insert(fragment.length, [paragraph]);
			}
		});
		expect(shapeAllowed(server, paste.structs)).toBe(true);
	});

	it('[S6] a keystroke may name the writer’s previous one, still waiting to be stored; an element naming something unknown asks for a resync, text is taken', () => {
		const { server, writer } = pair();
		const first = change(writer, (fragment) => fragment.insert(0, [new Y.XmlElement('paragraph')]));
		const second = change(writer, (fragment) => (fragment.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('Typed next.')]));
		expect(shapeAllowed(server, second.structs, [first.structs])).toBe(true);
		expect(shapeAllowed(server, second.structs)).toBe(false);
		// Text that overtook the update it follows (writers sharing one replica, as the benchmark's do): Yjs parks it, nothing to check.
		const third = change(writer, (fragment) => ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'More. '));
		expect(shapeAllowed(server, third.structs)).toBe(true);
	});
});
