import * as Y from 'yjs';
import { LightClient, connectAll } from '../lib/light.mjs';
import { manyDocName } from '../lib/peers.mjs';
import { sleep } from '../lib/util.mjs';

/** What our provisioned documents hold; the peers get the same from their first client. */
function smallState() {
	const doc = new Y.Doc();
	const heading = new Y.XmlElement('heading');
	heading.setAttribute('level', 1);
	heading.insert(0, [new Y.XmlText('Bench document')]);
	const paragraph = new Y.XmlElement('paragraph');
	paragraph.insert(0, [new Y.XmlText('An idle strategy.')]);
	doc.getXmlFragment('default').push([heading, paragraph]);
	return Y.encodeStateAsUpdate(doc);
}

/**
 * Open documents with one idle client each (connected, synced, silent): the server's RSS per
 * open document over its RSS with none, and the CPU it uses while nobody types.
 */
export async function manyDocs(peer, { counts, settleMs = 2_000, idleMs }) {
	const state = smallState();
	const clients = [];
	const result = {};
	try {
		await sleep(settleMs);
		const baseRss = peer.rss();
		result.baseRssBytes = baseRss;
		for (const count of counts) {
			const fresh = [];
			for (let i = clients.length; i < count; i++) {
				const client = new LightClient(peer, manyDocName(i), i);
				if (peer.name !== 'ours') client.initialState = state;
				fresh.push(client);
			}
			await connectAll(fresh, 50);
			clients.push(...fresh);
			await sleep(settleMs);
			const rss = peer.rss();
			const cpuStart = peer.cpu();
			await sleep(idleMs);
			const idleCpu = (peer.cpu() - cpuStart) / (idleMs / 1000);
			result[count] = { rssBytes: rss, rssPerDocBytes: (rss - baseRss) / count, idleCpuShare: idleCpu };
		}
		return result;
	} finally {
		for (const client of clients) client.close();
	}
}
