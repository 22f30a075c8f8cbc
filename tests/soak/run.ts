import { runCrashCycles } from '../helpers/crash-harness';

/**
 * `npm run soak [-- --cycles N --seed S --clients C]`: the crash test of SPEC.md [D4], long.
 * Prints each cycle and the totals; exits 1 if any edit another client had seen was lost.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const cycles = Number(args.get('cycles') ?? 100);
const seed = Number(args.get('seed') ?? Date.now() % 1_000_000);
const clients = Number(args.get('clients') ?? 4);
process.env.NODE_ENV ??= 'test';

const started = Date.now();
console.log(`Soak: ${cycles} SIGKILL cycles, ${clients} clients, seed ${seed}`);
const report = await runCrashCycles({
	cycles,
	seed,
	clients,
	onCycle: (progress) => console.log(`  cycle ${progress.cycles}: ${progress.editsVerified} edits verified, ${progress.lostEdits.length} lost`)
});
console.log(
	`\nCycles run: ${report.cycles}. Edits verified after restarts: ${report.editsVerified}. Lost: ${report.lostEdits.length}. ` +
		`Seed ${report.seed}. ${Math.round((Date.now() - started) / 1000)} s.`
);
if (report.lostEdits.length > 0) {
	console.log(`Lost edits: ${report.lostEdits.join(' ')}`);
	process.exit(1);
}
