import { describe, expect, it } from 'vitest';
import { runCrashCycles } from '../helpers/crash-harness';

describe('crashes', () => {
	it('[D4] SIGKILL at random moments while three clients write: no edit another client had seen is lost, and all converge', async () => {
		const report = await runCrashCycles({ cycles: 3, seed: Number(process.env.CRASH_SEED ?? 20051130) });
		expect(report.lostEdits).toEqual([]);
		expect(report.cycles).toBe(3);
		expect(report.editsVerified).toBeGreaterThan(0);
	}, 120_000);
});
