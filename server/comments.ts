import type { Db } from './db/database';
import type { EventBus } from './events';
import type { Strategies, Strategy } from './strategies';
import type { Users } from './users';
import { quoteRefusal } from './annotations';
import { can, hasRole, type Actor } from './auth/policy';
import { Anchoring, textModelOf, type AnchorColumns, type Passage, type TextSource } from './anchoring';
import type { TextModel } from './document/passage';
import { AppError } from './errors';
import { strategyScope } from './strategies';
import { m } from '../src/lib/paraglide/messages.js';

export interface Person {
	id: number;
	name: string;
	email: string;
}

export interface CommentReply {
	id: number;
	body: string;
	author: Person;
	mentions: Person[];
	createdAt: string;
	editedAt: string | null;
	deleted: boolean;
}

export interface CommentThread extends CommentReply, Partial<Passage> {
	/** Absent for a comment on the whole strategy. */
	selector?: Passage['selector'];
	orphaned: boolean;
	resolved: boolean;
	replies: CommentReply[];
}

interface CommentRow extends AnchorColumns {
	strategy_id: string;
	thread_id: number | null;
	body: string;
	resolved: 0 | 1;
	author_id: number;
	author_name: string;
	author_email: string;
	created_at: number;
	edited_at: number | null;
	deleted_at: number | null;
}

/**
 * Comment threads on a passage (anchored like annotations) or on the whole strategy, with
 * replies, @mentions of people who can read the strategy, and resolving. Authors, heads and
 * the module's experts comment, on locked texts too; observers never [P3], [P4], [P5].
 * People edit and delete only their own comments; a deleted comment leaves its place in the
 * thread so the replies still make sense.
 */
export class Comments {
	private readonly anchoring: Anchoring;

	constructor(
		private readonly db: Db,
		private readonly strategies: Strategies,
		private readonly users: Users,
		private readonly text: TextSource,
		private readonly bus: EventBus
	) {
		this.anchoring = new Anchoring(db, 'comments');
	}

	private model(strategyId: string): TextModel {
		return textModelOf(this.text, strategyId);
	}

	/** Everyone who may read the strategy: the people a comment may mention. */
	people(strategy: Strategy): Person[] {
		return this.users
			.list()
			.filter((user) => user.active)
			.filter((user) => can({ id: user.id, email: user.email, name: user.name, locale: null, grants: user.grants }, 'read', strategyScope(strategy)))
			.map(({ id, name, email }) => ({ id, name, email }));
	}

	private mentionsOf(commentIds: number[]): Map<number, Person[]> {
		const mentions = new Map<number, Person[]>();
		if (commentIds.length === 0) return mentions;
		const rows = this.db
			.prepare(
				`SELECT comment_mentions.comment_id, users.id, users.name, users.email FROM comment_mentions
				 JOIN users ON users.id = comment_mentions.user_id
				 WHERE comment_mentions.comment_id IN (${commentIds.map(() => '?').join(',')})`
			)
			.all(...commentIds) as (Person & { comment_id: number })[];
		for (const { comment_id, ...person } of rows) mentions.set(comment_id, [...(mentions.get(comment_id) ?? []), person]);
		return mentions;
	}

	private shape(row: CommentRow, mentions: Map<number, Person[]>): CommentReply {
		const deleted = row.deleted_at !== null;
		return {
			id: row.id,
			body: deleted ? '' : row.body,
			author: { id: row.author_id, name: row.author_name, email: row.author_email },
			mentions: deleted ? [] : (mentions.get(row.id) ?? []),
			createdAt: new Date(row.created_at).toISOString(),
			editedAt: row.edited_at === null ? null : new Date(row.edited_at).toISOString(),
			deleted
		};
	}

	/** The threads of a strategy, oldest first; resolved ones only when asked for. */
	list(actor: Actor, strategyId: string, options: { includeResolved?: boolean } = {}): CommentThread[] {
		const strategy = this.strategies.authorize(actor, 'read', strategyId);
		const rows = this.db
			.prepare(
				`SELECT comments.*, users.name AS author_name, users.email AS author_email FROM comments
				 JOIN users ON users.id = comments.author_id WHERE comments.strategy_id = ? ORDER BY comments.created_at, comments.id`
			)
			.all(strategy.id) as CommentRow[];
		const roots = rows.filter((row) => row.thread_id === null && (options.includeResolved || row.resolved === 0));
		const passages = this.anchoring.refresh(
			roots.filter((root) => root.anchor_start),
			this.model(strategy.id)
		);
		const mentions = this.mentionsOf(rows.map((row) => row.id));
		return roots.map((root) => {
			const passage = passages.get(root.id);
			return {
				...this.shape(root, mentions),
				...(passage && { selector: passage.selector, anchor: passage.anchor }),
				orphaned: passage?.orphaned ?? false,
				resolved: root.resolved === 1,
				replies: rows.filter((row) => row.thread_id === root.id).map((row) => this.shape(row, mentions))
			};
		});
	}

	private thread(actor: Actor, strategyId: string, threadId: number): CommentThread {
		const thread = this.list(actor, strategyId, { includeResolved: true }).find((t) => t.id === threadId);
		if (!thread) throw new AppError('not_found', m.error_comment_not_found());
		return thread;
	}

	/** Mentioned people must exist and be able to read the strategy (422 otherwise). */
	private checkMentions(strategy: Strategy, mentions: number[]): number[] {
		const readers = new Set(this.people(strategy).map((person) => person.id));
		const unique = [...new Set(mentions)];
		if (unique.some((id) => !readers.has(id))) throw new AppError('invalid', m.error_mention_not_reader());
		return unique;
	}

	private insert(actor: Actor, strategy: Strategy, body: string, mentions: number[], threadId: number | null, passage?: { anchor: { start: Uint8Array; end: Uint8Array }; selector: { exact: string; prefix: string; suffix: string } }): number {
		const checked = this.checkMentions(strategy, mentions);
		return this.db.transaction(() => {
			const id = Number(
				this.db
					.prepare(
						`INSERT INTO comments (strategy_id, thread_id, body, anchor_start, anchor_end, quote_exact, quote_prefix, quote_suffix, author_id, created_at)
						 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
					)
					.run(
						strategy.id,
						threadId,
						body,
						passage?.anchor.start ?? null,
						passage?.anchor.end ?? null,
						passage?.selector.exact ?? null,
						passage?.selector.prefix ?? null,
						passage?.selector.suffix ?? null,
						actor.id,
						Date.now()
					).lastInsertRowid
			);
			const mention = this.db.prepare('INSERT INTO comment_mentions (comment_id, user_id) VALUES (?, ?)');
			for (const userId of checked) mention.run(id, userId);
			return id;
		})();
	}

	/** Starts a thread, on a passage (`selector`) or on the whole strategy. */
	create(actor: Actor, strategyId: string, input: { body: string; selector?: { exact: string; prefix?: string; suffix?: string }; mentions?: number[] }): CommentThread {
		const strategy = this.strategies.authorize(actor, 'comment', strategyId);
		let passage;
		if (input.selector) {
			const model = this.model(strategy.id);
			const found = model.find(input.selector);
			if (typeof found === 'string') throw quoteRefusal(found);
			passage = { anchor: model.anchor(found), selector: found.selector };
		}
		const id = this.insert(actor, strategy, input.body, input.mentions ?? [], null, passage);
		this.bus.emit('strategy-event', strategy.id, { type: 'comments', threadId: id });
		return this.thread(actor, strategy.id, id);
	}

	reply(actor: Actor, strategyId: string, threadId: number, input: { body: string; mentions?: number[] }): CommentReply {
		const strategy = this.strategies.authorize(actor, 'comment', strategyId);
		this.rootOf(strategy.id, threadId);
		const id = this.insert(actor, strategy, input.body, input.mentions ?? [], threadId);
		this.bus.emit('strategy-event', strategy.id, { type: 'comments', threadId });
		return this.thread(actor, strategy.id, threadId).replies.find((reply) => reply.id === id)!;
	}

	private rootOf(strategyId: string, threadId: number): CommentRow {
		const row = this.db.prepare('SELECT * FROM comments WHERE id = ? AND strategy_id = ? AND thread_id IS NULL').get(threadId, strategyId) as
			| CommentRow
			| undefined;
		if (!row) throw new AppError('not_found', m.error_comment_not_found());
		return row;
	}

	private existing(strategyId: string, commentId: number): CommentRow {
		const row = this.db.prepare('SELECT * FROM comments WHERE id = ? AND strategy_id = ? AND deleted_at IS NULL').get(commentId, strategyId) as
			| CommentRow
			| undefined;
		if (!row) throw new AppError('not_found', m.error_comment_not_found());
		return row;
	}

	/** A comment of the actor's own, never someone else's (403). */
	private own(actor: Actor, strategyId: string, commentId: number): CommentRow {
		const row = this.existing(strategyId, commentId);
		if (row.author_id !== actor.id) throw new AppError('forbidden', m.error_comment_not_yours());
		return row;
	}

	/**
	 * Edits a comment's words (one's own only) and moves a thread to another passage: its
	 * author may, and so may the delegation's authors and heads, who rewrite the text it was about.
	 */
	edit(actor: Actor, strategyId: string, commentId: number, input: { body?: string; mentions?: number[]; selector?: { exact: string; prefix?: string; suffix?: string } }): void {
		const strategy = this.strategies.authorize(actor, 'comment', strategyId);
		const row = input.body === undefined ? this.existing(strategy.id, commentId) : this.own(actor, strategy.id, commentId);
		if (input.selector) {
			if (row.thread_id !== null) throw new AppError('invalid', m.error_reply_has_no_passage());
			if (row.author_id !== actor.id && !hasRole(actor, 'edit', strategyScope(strategy).strategy)) {
				throw new AppError('forbidden', m.error_thread_passage_not_yours());
			}
		}
		// Without `mentions` the people mentioned stay: an edit of the words alone keeps them.
		const mentions = input.mentions === undefined ? undefined : this.checkMentions(strategy, input.mentions);
		this.db.transaction(() => {
			if (input.selector) {
				const model = this.model(strategy.id);
				const found = model.find(input.selector);
				if (typeof found === 'string') throw quoteRefusal(found);
				this.anchoring.set(commentId, model.anchor(found), found.selector);
			}
			if (input.body === undefined) return;
			this.db.prepare('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?').run(input.body, Date.now(), commentId);
			if (!mentions) return;
			this.db.prepare('DELETE FROM comment_mentions WHERE comment_id = ?').run(commentId);
			const mention = this.db.prepare('INSERT INTO comment_mentions (comment_id, user_id) VALUES (?, ?)');
			for (const userId of mentions) mention.run(commentId, userId);
		})();
		this.bus.emit('strategy-event', strategy.id, { type: 'comments', threadId: row.thread_id ?? row.id });
	}

	delete(actor: Actor, strategyId: string, commentId: number): void {
		const strategy = this.strategies.authorize(actor, 'comment', strategyId);
		const row = this.own(actor, strategy.id, commentId);
		this.db.prepare('UPDATE comments SET deleted_at = ? WHERE id = ?').run(Date.now(), commentId);
		this.bus.emit('strategy-event', strategy.id, { type: 'comments', threadId: row.thread_id ?? row.id });
	}

	setResolved(actor: Actor, strategyId: string, threadId: number, resolved: boolean): CommentThread {
		const strategy = this.strategies.authorize(actor, 'comment', strategyId);
		this.rootOf(strategy.id, threadId);
		this.db.prepare('UPDATE comments SET resolved = ? WHERE id = ?').run(resolved ? 1 : 0, threadId);
		this.bus.emit('strategy-event', strategy.id, { type: 'comments', threadId });
		return this.thread(actor, strategy.id, threadId);
	}

	/** After the text was replaced: threads whose quote comes back follow it, the others are orphaned. */
	reanchor(strategyId: string): void {
		this.anchoring.reanchorByQuotes(strategyId, () => this.model(strategyId));
		this.bus.emit('strategy-event', strategyId, { type: 'comments', threadId: 0 });
	}
}
