import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { createBackend, type Backend } from '../backend';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { AppError } from '../errors';
import type { Grant } from '../auth/policy';
import { grantForm } from '../../src/lib/validation';
import { backupDatabase, restoreDatabase } from '../db/backup';

const USAGE = `Acquis Studio administration (uses DATABASE_PATH, default data/acquis.db)

  npm run admin -- create-user --email <e-mail> --name "<name>" [--role <role> [--delegation <code>] [--module <module>]] [--password-link]
  npm run admin -- set-password --email <e-mail>          (asks for the password, or reads it from standard input)
  npm run admin -- grant --email <e-mail> --role <role> [--delegation <code>] [--module <module>]
  npm run admin -- revoke --email <e-mail> --role <role> [--delegation <code>] [--module <module>]
  npm run admin -- list-users
  npm run admin -- backup <file>      (a consistent copy, also while the app runs)
  npm run admin -- restore <file>     (stop the app first; the replaced database is kept beside it)

Roles: admin, author and head (with --delegation al|ba|hr|cs|mk), expert (with --module migration|asylum|visa),
observer (with --delegation, --module, or neither for the whole programme).
create-user asks for a password unless --password-link is given, which prints a one-time link instead.`;

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string' },
		delegation: { type: 'string' },
		module: { type: 'string' },
		'password-link': { type: 'boolean' },
		origin: { type: 'string' },
		help: { type: 'boolean', short: 'h' }
	}
});

class UsageError extends Error {}

function required(name: 'email' | 'name' | 'role'): string {
	const value = values[name];
	if (!value) throw new UsageError(`--${name} is required`);
	return value;
}

function grantFromArgs(): Grant {
	const parsed = grantForm.safeParse({ role: required('role'), delegation: values.delegation, module: values.module });
	if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid role');
	return parsed.data;
}

/** Reads a password without echoing it on a terminal, or the first line of piped input. */
async function readPassword(prompt: string): Promise<string> {
	const input = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
	if (process.stdin.isTTY) {
		process.stdout.write(prompt);
		const output = input as unknown as { _writeToOutput: (text: string) => void };
		output._writeToOutput = () => {};
	}
	const line = await new Promise<string>((resolve) => input.once('line', resolve).once('close', () => resolve('')));
	input.close();
	if (process.stdin.isTTY) process.stdout.write('\n');
	return line;
}

function userByEmail(app: Backend, email: string) {
	const user = app.users.findByEmail(email);
	if (!user) throw new AppError('not_found', `No account has the e-mail address ${email}.`);
	return user;
}

async function run(app: Backend, command: string | undefined): Promise<void> {
	switch (command) {
		case 'create-user': {
			const email = required('email');
			const grant = values.role ? grantFromArgs() : null;
			const password = values['password-link'] ? undefined : await readPassword(`Password for ${email}: `);
			const user = await app.users.create({ email, name: required('name'), password }, null);
			if (grant) app.users.grant(user.id, grant, null);
			console.log(`Created ${user.email} (id ${user.id}).`);
			if (values['password-link']) {
				const { token } = app.users.createPasswordLink(user.id, null);
				const origin = values.origin ?? app.config.origin ?? `http://${app.config.host}:${app.config.port}`;
				console.log(`One-time link to choose a password (3 days): ${origin}/set-password/${token}`);
			}
			return;
		}
		case 'set-password': {
			const user = userByEmail(app, required('email'));
			await app.users.setPassword(user.id, await readPassword(`New password for ${user.email}: `), null);
			console.log(`Password set for ${user.email}.`);
			return;
		}
		case 'grant':
		case 'revoke': {
			const user = userByEmail(app, required('email'));
			const grant = grantFromArgs();
			if (command === 'grant') app.users.grant(user.id, grant, null);
			else app.users.revoke(user.id, grant, null);
			console.log(`${command === 'grant' ? 'Granted' : 'Revoked'}: ${app.programme.describe(grant)} for ${user.email}.`);
			return;
		}
		case 'list-users': {
			for (const user of app.users.list()) {
				const roles = user.grants.map((grant) => app.programme.describe(grant)).join('; ') || 'no role';
				console.log(`${user.active ? ' ' : 'x'} ${user.email.padEnd(32)} ${user.name.padEnd(24)} ${roles}`);
			}
			return;
		}
		default:
			throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
	}
}

if (values.help) {
	console.log(USAGE);
	process.exit(0);
}

// Backup and restore work on the file itself, never through a running back end.
if (positionals[0] === 'backup' || positionals[0] === 'restore') {
	const file = positionals[1];
	if (!file) {
		console.error(`${positionals[0]} needs a file name.\n\n${USAGE}`);
		process.exit(2);
	}
	const { databasePath } = loadConfig();
	try {
		if (positionals[0] === 'backup') {
			await backupDatabase(databasePath, file);
			console.log(`Backed up ${databasePath} to ${file}.`);
		} else {
			const keptAs = await restoreDatabase(databasePath, file);
			console.log(`Restored ${file} to ${databasePath}.${keptAs ? ` The previous database is kept as ${keptAs}.` : ''}`);
		}
		process.exit(0);
	} catch (error) {
		console.error((error as Error).message);
		process.exit(1);
	}
}
// The command line never seeds: it must work on a production database started with SEED=none.
const app = await createBackend({ ...loadConfig(), seed: 'none' }, createLogger('warn'));
try {
	await run(app, positionals[0]);
	await app.close();
} catch (error) {
	await app.close();
	if (error instanceof UsageError) {
		console.error(`${error.message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (error instanceof AppError) {
		console.error(error.message);
		process.exit(1);
	}
	throw error;
}
