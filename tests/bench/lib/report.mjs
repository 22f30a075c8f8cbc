import { median } from './util.mjs';

const PEER_COLUMNS = ['ours', 'hocuspocus', 'y-websocket'];

/**
 * The metrics compared across peers: which run they come from, how to read the value off a
 * run's result, and which way is better. Each value is the median over trials.
 */
function peerMetrics(mode, params) {
	const typing = (id, n) => [
		{ id: `${id}.toAllP50`, label: `Typing N=${n}: to-all p50`, unit: 'ms', better: 'lower', scenario: id, get: (r) => r.toAllP50 },
		{ id: `${id}.toAllP99`, label: `Typing N=${n}: to-all p99`, unit: 'ms', better: 'lower', scenario: id, get: (r) => r.toAllP99, goal: { vsPeer: 0.8 } },
		{ id: `${id}.perReceiverP50`, label: `Typing N=${n}: per-receiver p50`, unit: 'ms', better: 'lower', scenario: id, get: (r) => r.perReceiverP50 },
		{ id: `${id}.perReceiverP99`, label: `Typing N=${n}: per-receiver p99`, unit: 'ms', better: 'lower', scenario: id, get: (r) => r.perReceiverP99 },
		{ id: `${id}.undelivered`, label: `Typing N=${n}: edits not delivered to all`, unit: 'edits', better: 'lower', scenario: id, get: (r) => r.undelivered, sum: true }
	];
	const many = (count) => [
		{ id: `manyDocs.${count}.rssPerDoc`, label: `RSS per idle open document (${count} docs)`, unit: 'KiB', better: 'lower', scenario: 'manyDocs', get: (r) => r[count] && r[count].rssPerDocBytes / 1024, goal: { vsPeer: 1 } },
		{ id: `manyDocs.${count}.idleCpu`, label: `Idle server CPU (${count} docs)`, unit: '% core', better: 'lower', scenario: 'manyDocs', get: (r) => r[count] && r[count].idleCpuShare * 100 }
	];
	return [
		...typing('typing10', 10),
		{ id: 'typing10.lightVsFull', label: 'Validation N=10: light ÷ full receivers, per-receiver p50', unit: '×', better: 'info', scenario: 'typing10', get: (r) => r.validation && r.validation.lightPerReceiverP50 / r.validation.fullPerReceiverP50 },
		...typing('typing50', 50),
		{ id: 'typing50.cpuPerDelivery', label: 'Server CPU per delivered message (N=50)', unit: 'µs', better: 'lower', scenario: 'typing50', get: (r) => r.cpuMicrosPerDelivery, goal: { vsPeer: 0.8 } },
		...(mode === 'full' ? typing('typing200', 200) : []),
		{ id: 'saturation', label: `Saturation: keystrokes/s before to-all p95 > 2 s (N=${params.saturation.n})`, unit: 'keys/s', better: 'higher', scenario: 'saturation', get: (r) => r.saturationKeystrokesPerSecond, goal: { vsPeer: 1.5, vsFloor: 0.7 }, floor: true },
		{ id: 'saturation.cpuBound', label: `Saturation: CPU-bound ceiling, one core ÷ CPU per delivery at the top step ÷ ${params.saturation.n - 1} receivers`, unit: 'keys/s', better: 'higher', scenario: 'saturation', get: (r) => r.cpuBoundKeystrokesPerSecond, floor: true },
		{ id: 'saturation.cpuPerDelivery', label: 'Saturation: server CPU per delivered message at the top step', unit: 'µs', better: 'lower', scenario: 'saturation', get: (r) => r.steps.at(-1)?.cpuMicrosPerDelivery, floor: true },
		{ id: 'split.converged', label: 'Trace split at 40 ops/s: replicas converged', unit: 'trials', better: 'info', scenario: 'split', get: (r) => (r.converged ? 1 : 0), sum: true },
		{ id: 'split.toAllP99', label: 'Trace split at 40 ops/s: to-all p99', unit: 'ms', better: 'lower', scenario: 'split', get: (r) => r.toAllP99 },
		{ id: 'replay.editsPerSecond', label: 'Trace replay, closed loop', unit: 'edits/s', better: 'higher', scenario: 'replay', get: (r) => (r.complete ? r.editsPerSecond : null) },
		{ id: 'coldLoad', label: 'Cold load of the trace document after restart', unit: 'ms', better: 'lower', scenario: 'replay', get: (r) => r.coldLoad?.complete ? r.coldLoad.ms : null },
		{ id: 'storage.atRest', label: 'Trace document stored at rest (after fold)', unit: 'KiB', better: 'lower', scenario: 'replay', get: (r) => (r.stored?.total ?? r.stored?.state ?? r.storedAfterLoadBytes) / 1024 },
		{ id: 'storage.beforeFold', label: 'Trace document stored right after the replay (before any fold on load)', unit: 'KiB', better: 'lower', scenario: 'replay', get: (r) => (r.storedBeforeStop?.total ?? r.storedBeforeLoadBytes ?? r.stored?.state) / 1024 },
		...many(100),
		...(mode === 'full' ? many(1000) : []),
		{ id: 'durability.lost', label: 'Durability: acknowledged edits lost on SIGKILL (sum of trials)', unit: 'edits', better: 'lower', scenario: 'durability', get: (r) => r.lostAcknowledged, sum: true, goal: { absolute: 0 } },
		{ id: 'durability.acknowledged', label: 'Durability: acknowledged edits before the kill (sum of trials)', unit: 'edits', better: 'info', scenario: 'durability', get: (r) => r.acknowledged, sum: true },
		{ id: 'durability.window', label: 'Durability: oldest lost edit, before the kill', unit: 'ms', better: 'lower', scenario: 'durability', get: (r) => r.lostWindowMs }
	];
}

function fmt(value) {
	if (value === null || value === undefined || Number.isNaN(value)) return '—';
	if (value === Infinity) return '∞';
	const abs = Math.abs(value);
	if (abs >= 100) return Math.round(value).toLocaleString('en-US');
	if (abs >= 10) return value.toFixed(1);
	return value.toFixed(2);
}

function collect(metric, runs, peer) {
	const values = runs
		.filter((r) => r.scenario === metric.scenario && r.peer === peer && r.result)
		.map((r) => metric.get(r.result))
		.filter((v) => typeof v === 'number' && !Number.isNaN(v));
	if (values.length === 0) return null;
	return metric.sum ? values.reduce((a, b) => a + b, 0) : median(values);
}

function verdict(ok) {
	return ok === null ? 'not measured' : ok ? '**met**' : '**missed**';
}

export function report({ mode, trials, params, machine, baselines, snapshots, runs, seconds }) {
	const metrics = peerMetrics(mode, params).map((metric) => {
		const values = Object.fromEntries([...PEER_COLUMNS, ...(metric.floor ? ['floor'] : [])].map((peer) => [peer, collect(metric, runs, peer)]));
		const present = PEER_COLUMNS.map((p) => values[p]).filter((v) => v !== null);
		const pick = metric.better === 'higher' ? Math.max : Math.min;
		const best = present.length > 0 && metric.better !== 'info' ? pick(...present) : null;
		const others = ['hocuspocus', 'y-websocket'].map((p) => values[p]).filter((v) => v !== null);
		const bestPeer = others.length > 0 && metric.better !== 'info' ? pick(...others) : null;
		const ratio = (v, to) => (v === null || to === null || to === 0 ? null : v / to);
		// A saturation run that never saturated measured the load generator: its value is a floor.
		const lowerBound = Object.fromEntries(
			Object.keys(values).map((peer) => [peer, metric.id === 'saturation' && runs.some((r) => r.scenario === 'saturation' && r.peer === peer && r.result?.neverSaturated)])
		);
		return {
			id: metric.id,
			label: metric.label,
			lowerBound,
			bestPeerLowerBound: ['hocuspocus', 'y-websocket'].some((p) => lowerBound[p] && values[p] !== null && values[p] === bestPeer),
			unit: metric.unit,
			better: metric.better,
			values,
			ratioToBest: Object.fromEntries(PEER_COLUMNS.map((p) => [p, ratio(values[p], best)])),
			oursVsBestPeer: ratio(values.ours, bestPeer),
			oursVsFloor: metric.floor ? ratio(values.ours, values.floor) : undefined,
			goal: metric.goal
		};
	});
	const byId = Object.fromEntries(metrics.map((m) => [m.id, m]));

	const ours = {
		coldLoadCompactedMs: byId.coldLoad.values.ours,
		coldLoadUncompactedMs: collect({ scenario: 'replay', get: (r) => r.coldLoadUncompacted?.ms }, runs, 'ours'),
		coldLoadFullLogMs: collect({ scenario: 'replay', get: (r) => r.coldLoadFullLog?.ms }, runs, 'ours'),
		storedAfterFoldBytes: collect({ scenario: 'replay', get: (r) => r.stored?.total }, runs, 'ours'),
		browserOpenMs: collect({ scenario: 'replay', get: (r) => r.browserOpen?.ms }, runs, 'ours')
	};
	const oursRows = [
		['Cold load, log folded (clean stop)', ours.coldLoadCompactedMs, baselines.applyUpdateMs, 'ms', 'bare `Y.applyUpdate` of the folded state', 1.2],
		['Cold load, log not folded (≤ 2,000 updates, as after a crash)', ours.coldLoadUncompactedMs, baselines.applyUpdateMs, 'ms', 'bare `Y.applyUpdate`', null],
		['Cold load, the whole trace as a log of one update per edit', ours.coldLoadFullLogMs, baselines.applyUpdateMs, 'ms', 'bare `Y.applyUpdate`', null],
		['Stored after fold (trace replay, clean stop)', ours.storedAfterFoldBytes, baselines.stateBytes, 'bytes', '`Y.encodeStateAsUpdate` length', 1.1],
		[`Log of ${fmt(snapshots?.log.edits)} edits, one update each: bytes per edit (SQLite pages)`, snapshots?.log.fileBytesPerEdit, null, 'bytes/edit', 'goal ≤ 80 bytes', null, 80],
		['Same log: Yjs update bytes per edit', snapshots?.log.logicalBytesPerEdit, null, 'bytes/edit', '', null],
		['Folded state of that log', snapshots?.log.foldedStateBytes, snapshots?.log.encodeStateAsUpdateBytes, 'bytes', '`Y.encodeStateAsUpdate` length', 1.1],
		[`Loading that log in-process (${fmt(snapshots?.log.edits)} rows)`, snapshots?.log.loadMs, baselines.applyUpdateMs, 'ms', 'bare `Y.applyUpdate`', null],
		['Snapshot create (trace document, after an edit)', snapshots?.snapshotCreateMs, snapshots?.bareEncodeStateMs, 'ms', 'bare `Y.encodeStateAsUpdate` of the same live document', 3],
		['Snapshot restore (full ↔ half-way)', snapshots?.snapshotRestoreMs, snapshots?.bareApplySnapshotMs, 'ms', 'bare `Y.applyUpdate` of the snapshot', 4],
		['Browser: the trace strategy opens to an editable editor holding its text (Chromium, new context)', ours.browserOpenMs, null, 'ms', 'goal < 1,000 ms', null, 1_000],
		['Snapshot diff (half-way vs current)', snapshots?.snapshotDiffMs, null, 'ms', '', null]
	];

	const goals = [];
	const goal = (text, measured, ok) => goals.push({ goal: text, measured, met: ok });
	const lost = byId['durability.lost'].values.ours;
	goal('Durability: 0 acknowledged edits lost on SIGKILL', `ours ${fmt(lost)}; Hocuspocus ${fmt(byId['durability.lost'].values.hocuspocus)}; y-websocket ${fmt(byId['durability.lost'].values['y-websocket'])}`, lost === null ? null : lost === 0);
	for (const id of ['typing10', 'typing50', 'typing200']) {
		const m = byId[`${id}.toAllP99`];
		if (!m) continue;
		goal(`Propagation to-all p99, ${m.label.split(':')[0].replace('Typing ', '')}: ≤ 0.8× best peer`, `${fmt(m.oursVsBestPeer)}×`, m.oursVsBestPeer === null ? null : m.oursVsBestPeer <= 0.8);
	}
	const sat = byId.saturation;
	const ceiling = byId['saturation.cpuBound'];
	if (sat.bestPeerLowerBound) {
		// The load generator ran out before the best peer did: its rate says nothing of the ratio; the CPU-bound ceilings do.
		goal('Saturation: ≥ 1.5× best peer (it never saturated: CPU-bound ceilings compared)', `${fmt(ceiling.oursVsBestPeer)}×`, ceiling.oursVsBestPeer === null ? null : ceiling.oursVsBestPeer >= 1.5);
	} else {
		goal('Saturation: ≥ 1.5× best peer', `${fmt(sat.oursVsBestPeer)}×`, sat.oursVsBestPeer === null ? null : sat.oursVsBestPeer >= 1.5);
	}
	if (sat.lowerBound.floor) {
		// The load generator ran out before the floor did: compare the CPU-bound ceilings instead.
		const share = ceiling.values.ours !== null && ceiling.values.floor ? ceiling.values.ours / ceiling.values.floor : null;
		goal('Saturation: ≥ 70% of the raw ws floor (floor never saturated: CPU-bound ceilings compared)', `${fmt(share === null ? null : share * 100)}%`, share === null ? null : share >= 0.7);
	} else {
		goal('Saturation: ≥ 70% of the raw ws floor', `${fmt(sat.oursVsFloor === undefined || sat.oursVsFloor === null ? null : sat.oursVsFloor * 100)}%`, sat.oursVsFloor === null || sat.oursVsFloor === undefined ? null : sat.oursVsFloor >= 0.7);
	}
	const cpu = byId['typing50.cpuPerDelivery'];
	goal('Server CPU per delivered message: ≤ 0.8× best peer', `${fmt(cpu.oursVsBestPeer)}×`, cpu.oursVsBestPeer === null ? null : cpu.oursVsBestPeer <= 0.8);
	const rss = byId[mode === 'full' ? 'manyDocs.1000.rssPerDoc' : 'manyDocs.100.rssPerDoc'];
	goal(`RSS per idle open document: ≤ best peer (${mode === 'full' ? '1,000' : '100'} docs)`, `${fmt(rss.oursVsBestPeer)}×`, rss.oursVsBestPeer === null ? null : rss.oursVsBestPeer <= 1);
	const coldRatio = ours.coldLoadCompactedMs && ours.coldLoadCompactedMs / baselines.applyUpdateMs;
	goal('Cold load: ≤ 1.2× bare Y.applyUpdate of the folded state', `${fmt(coldRatio)}×`, coldRatio ? coldRatio <= 1.2 : null);
	const storeRatio = ours.storedAfterFoldBytes && ours.storedAfterFoldBytes / baselines.stateBytes;
	goal('Storage after fold: ≤ 1.1× Y.encodeStateAsUpdate', `${fmt(storeRatio)}×`, storeRatio ? storeRatio <= 1.1 : null);
	goal('Storage before fold: ≤ 80 bytes per edit', `${fmt(snapshots?.log.fileBytesPerEdit)} bytes/edit`, snapshots ? snapshots.log.fileBytesPerEdit <= 80 : null);
	const createRatio = snapshots && snapshots.snapshotCreateMs / snapshots.bareEncodeStateMs;
	goal('Snapshot create: ≤ 3× bare Yjs', `${fmt(createRatio)}×`, snapshots ? createRatio <= 3 : null);
	const restoreRatio = snapshots && snapshots.snapshotRestoreMs / snapshots.bareApplySnapshotMs;
	goal('Snapshot restore: ≤ 4× bare Yjs', `${fmt(restoreRatio)}×`, snapshots ? restoreRatio <= 4 : null);
	goal('Browser: a trace-sized strategy opens to an editable editor in < 1 s', ours.browserOpenMs === null ? 'not measured (no Chromium)' : `${fmt(ours.browserOpenMs)} ms`, ours.browserOpenMs === null ? null : ours.browserOpenMs < 1_000);

	const failures = runs.filter((r) => r.error);
	const lines = [];
	lines.push(`## Collaboration benchmark — ${mode} mode, ${trials} trial${trials > 1 ? 's' : ''}`);
	lines.push('');
	lines.push(`${machine.cpuModel}, ${machine.cores} cores, ${(machine.ramBytes / 2 ** 30).toFixed(0)} GiB RAM; Node ${machine.node}; ${machine.pinning}. ` +
		`yjs ${machine.packages.yjs}, @hocuspocus/server ${machine.packages['@hocuspocus/server']}, y-websocket ${machine.packages['y-websocket (reference server)']} (y-leveldb ${machine.packages['y-leveldb']}). ` +
		`Medians over trials (sums where marked); ${seconds.toFixed(0)} s in all.`);
	lines.push('');
	lines.push('| metric | unit | ours | Hocuspocus | y-websocket | ws floor | ours ÷ best peer | goal |');
	lines.push('|---|---|---:|---:|---:|---:|---:|---|');
	for (const m of metrics) {
		let goalText = '';
		if (m.goal?.vsPeer !== undefined && m.bestPeerLowerBound) goalText = `≥ ${m.goal.vsPeer}×: the best peer never saturated (see the goals)`;
		else if (m.goal?.vsPeer !== undefined) goalText = `${m.better === 'higher' ? '≥' : '≤'} ${m.goal.vsPeer}×: ${verdict(m.oursVsBestPeer === null ? null : m.better === 'higher' ? m.oursVsBestPeer >= m.goal.vsPeer : m.oursVsBestPeer <= m.goal.vsPeer)}`;
		if (m.goal?.vsFloor !== undefined) {
			goalText += m.lowerBound.floor
				? `; ≥ ${m.goal.vsFloor * 100}% of floor: the floor never saturated (see the goals)`
				: `; ≥ ${m.goal.vsFloor * 100}% of floor (${fmt(m.oursVsFloor === null || m.oursVsFloor === undefined ? null : m.oursVsFloor * 100)}%): ${verdict(m.oursVsFloor === null || m.oursVsFloor === undefined ? null : m.oursVsFloor >= m.goal.vsFloor)}`;
		}
		if (m.goal?.absolute !== undefined) goalText = `= ${m.goal.absolute}: ${verdict(m.values.ours === null ? null : m.values.ours === m.goal.absolute)}`;
		const cell = (peer) => (m.values[peer] === undefined ? '' : `${m.lowerBound[peer] ? '≥ ' : ''}${fmt(m.values[peer])}`);
		lines.push(`| ${m.label} | ${m.unit} | ${cell('ours')} | ${cell('hocuspocus')} | ${cell('y-websocket')} | ${cell('floor')} | ${m.better === 'info' ? '' : fmt(m.oursVsBestPeer)} | ${goalText} |`);
	}
	lines.push('');
	lines.push(`Bare Yjs on the trace document (${fmt(baselines.stateBytes)} bytes folded): \`Y.applyUpdate\` ${fmt(baselines.applyUpdateMs)} ms, \`Y.encodeStateAsUpdate\` ${fmt(baselines.encodeStateAsUpdateMs)} ms. ` +
		`Replay: ${params.replay.batch} trace operations per update (${fmt(baselines.replayUpdates)} updates), ${params.replay.senders} sender connections.`);
	lines.push('');
	lines.push('| ours only | ours | bare Yjs | ratio | compared with |');
	lines.push('|---|---:|---:|---:|---|');
	for (const [label, value, bare, unit, against, target, absolute] of oursRows) {
		const ratio = value !== null && value !== undefined && bare ? value / bare : null;
		const goalText = target ? ` (goal ≤ ${target}×: ${verdict(ratio === null ? null : ratio <= target)})` : absolute ? ` (${verdict(value === null || value === undefined ? null : value <= absolute)})` : '';
		lines.push(`| ${label} (${unit}) | ${fmt(value)} | ${fmt(bare)} | ${ratio === null ? '' : `${fmt(ratio)}×`} | ${against}${goalText} |`);
	}
	lines.push('');
	lines.push('| goal | measured | verdict |');
	lines.push('|---|---|---|');
	for (const g of goals) lines.push(`| ${g.goal} | ${g.measured} | ${verdict(g.met)} |`);
	if (failures.length > 0) {
		lines.push('');
		lines.push('Runs that failed (their values are missing above):');
		for (const f of failures) lines.push(`- trial ${f.trial}, ${f.scenario}, ${f.peer}: ${f.error.split('\n')[0]}`);
	}
	return {
		markdown: `${lines.join('\n')}\n`,
		json: { mode, trials, seconds, machine, params, baselines, snapshots, metrics, oursOnly: ours, goals, runs }
	};
}
