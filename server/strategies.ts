import type { Db } from './db/database';
import type { Audit } from './audit';
import type { EventBus } from './events';
import { can, hasRole, type Actor, type StrategyAction } from './auth/policy';
import { AppError } from './errors';
import { m } from '../src/lib/paraglide/messages.js';
import type { DelegationCode, ModuleCode, StrategyStatus, TextLanguage } from '../src/lib/vocabulary';

export interface Strategy {
	id: string;
	title: string;
	delegation: { code: DelegationCode; name: string };
	module: ModuleCode;
	status: StrategyStatus;
	/** The language its text is written in (SPEC.md [L6]), for pages to mark the text with. */
	textLanguage: TextLanguage;
	updatedAt: string;
	/** Who locked the strategy for signing, while it is locked or signed. */
	lockedBy: string | null;
}

interface StrategyRow {
	id: string;
	title: string;
	delegation_code: DelegationCode;
	delegation_name: string;
	module: ModuleCode;
	status: StrategyStatus;
	text_language: TextLanguage;
	updated_at: number;
	locked_by_name: string | null;
}

function toStrategy(row: StrategyRow): Strategy {
	return {
		id: row.id,
		title: row.title,
		delegation: { code: row.delegation_code, name: row.delegation_name },
		module: row.module,
		status: row.status,
		textLanguage: row.text_language,
		updatedAt: new Date(row.updated_at).toISOString(),
		lockedBy: row.locked_by_name
	};
}

/** Strategy ids are short slugs (`al-migration`); anything else, path-like ids included, is simply not found. */
const STRATEGY_ID_SHAPE = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function strategyScope(strategy: Strategy) {
	return { kind: 'strategy' as const, strategy: { delegation: strategy.delegation.code, module: strategy.module, status: strategy.status } };
}

/** The national strategies: one per delegation and module. */
export class Strategies {
	private readonly selectAll;
	private readonly selectOne;

	constructor(
		private readonly db: Db,
		private readonly audit: Audit,
		private readonly bus: EventBus
	) {
		const select = `SELECT strategies.id, strategies.title, strategies.delegation_code, delegations.name AS delegation_name,
			strategies.module, strategies.status, strategies.text_language, strategies.updated_at, lockers.name AS locked_by_name
			FROM strategies JOIN delegations ON delegations.code = strategies.delegation_code
			LEFT JOIN users AS lockers ON lockers.id = strategies.locked_by AND strategies.status <> 'draft'`;
		this.selectAll = db.prepare(`${select} ORDER BY delegations.name, strategies.module`);
		this.selectOne = db.prepare(`${select} WHERE strategies.id = ?`);
	}

	find(id: string): Strategy | undefined {
		if (!STRATEGY_ID_SHAPE.test(id)) return undefined;
		const row = this.selectOne.get(id) as StrategyRow | undefined;
		return row && toStrategy(row);
	}

	/** Every strategy the actor may read [P1]. */
	readableBy(actor: Actor): Strategy[] {
		return (this.selectAll.all() as StrategyRow[]).map(toStrategy).filter((strategy) => can(actor, 'read', strategyScope(strategy)));
	}

	/**
	 * Says which language the text is written in [L6]: a change to the text, so for those who
	 * may edit it, and only in a draft (a locked or signed text keeps the language it was signed in).
	 */
	setTextLanguage(actor: Actor, id: string, language: TextLanguage): Strategy {
		const strategy = this.authorize(actor, 'edit', id);
		if (strategy.textLanguage === language) return strategy;
		this.db.transaction(() => {
			this.db.prepare('UPDATE strategies SET text_language = ? WHERE id = ?').run(language, strategy.id);
			this.audit.record({ userId: actor.id, action: 'text-language-changed', strategyId: strategy.id, details: { from: strategy.textLanguage, to: language } });
		})();
		this.bus.emit('strategy-event', strategy.id, { type: 'details' });
		return { ...strategy, textLanguage: language };
	}

	/**
	 * The strategy, if the actor may do `action` to it: 404 when there is no such strategy,
	 * 403 when the actor's roles do not allow the action, 409 when they would but the
	 * strategy's status does not (a locked text cannot be edited).
	 */
	authorize(actor: Actor, action: StrategyAction, id: string): Strategy {
		const strategy = this.find(id);
		if (!strategy) throw new AppError('not_found', m.error_strategy_not_found());
		const scope = strategyScope(strategy);
		if (!hasRole(actor, action, scope.strategy)) {
			throw new AppError('forbidden', m.error_strategy_forbidden());
		}
		if (!can(actor, action, scope)) throw statusRefusal(action);
		return strategy;
	}
}

/** Why the strategy's status refuses an action its role would allow. */
function statusRefusal(action: StrategyAction): AppError {
	if (action === 'lock') return new AppError('strategy_locked', m.error_strategy_already_locked());
	if (action === 'sign' || action === 'unlock') return new AppError('not_locked', m.error_strategy_not_locked());
	return new AppError('strategy_locked', m.error_strategy_locked());
}
