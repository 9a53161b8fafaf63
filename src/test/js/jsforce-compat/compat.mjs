// Drives a Salesforce org (meant for the Seatkeeper sandbox) with jsforce exactly as an application would, and
// prints one JSON line with what it saw. Nothing here knows it talks to a simulation.
//
//   node compat.mjs BASE_URL CLIENT_ID CLIENT_SECRET [USER_ID]
//
// Each argument may instead come from SF_BASE_URL, SF_CLIENT_ID, SF_CLIENT_SECRET, SF_UPDATE_USER_ID.
// USER_ID, when given, is a user to deactivate and retitle; without it nothing is written ("update": null).
// Exit status 0 on success; on failure the error goes to stderr.
import jsforce from 'jsforce';

const argument = (index, name) => process.argv[index] ?? process.env[name];
const [baseUrl, clientId, clientSecret] = [[2, 'SF_BASE_URL'], [3, 'SF_CLIENT_ID'], [4, 'SF_CLIENT_SECRET']]
	.map(([index, name]) => {
		const value = argument(index, name);
		if (!value) {
			console.error(`usage: node compat.mjs BASE_URL CLIENT_ID CLIENT_SECRET [USER_ID] (or set ${name})`);
			process.exit(2);
		}
		return value;
	});
const userId = argument(5, 'SF_UPDATE_USER_ID');

const API_VERSION = process.env.SF_API_VERSION ?? '62.0';
const LOGIN_BATCH_SIZE = 500;
const MAX_FETCH = 1_000_000;
const NEW_TITLE = 'Seat reclaimed by jsforce';

// Runs a query to the end with autoFetch, counting the pages jsforce fetched.
async function fetchAll(conn, soql, headers = {}) {
	const query = conn.query(soql, { autoFetch: true, maxFetch: MAX_FETCH, headers });
	let pages = 0;
	query.on('fetch', () => {
		pages += 1;
	});
	const result = await query;
	return { result, pages };
}

function countBy(records, key) {
	const counts = {};
	for (const record of records) {
		const value = String(key(record));
		counts[value] = (counts[value] ?? 0) + 1;
	}
	return counts;
}

const conn = new jsforce.Connection({
	oauth2: { loginUrl: baseUrl, clientId, clientSecret },
	version: API_VERSION,
});
const identity = await conn.authorize({ grant_type: 'client_credentials' });

const users = await fetchAll(conn,
	'SELECT Id, Username, IsActive, Profile.UserLicense.LicenseDefinitionKey FROM User ORDER BY Id');
const userRecords = users.result.records;
const logins = await fetchAll(conn, 'SELECT Id, UserId, LoginTime, Status FROM LoginHistory',
	{ 'Sforce-Query-Options': `batchSize=${LOGIN_BATCH_SIZE}` });
const loginRecords = logins.result.records;

const limits = await conn.limits();

// Deactivates and retitles the user, then reads it back; null when no user was named.
async function updateUser(id) {
	if (!id) {
		return null;
	}
	const saved = await conn.sobject('User').update({ Id: id, IsActive: false, Title: NEW_TITLE });
	const readBack = await conn.sobject('User').retrieve(id);
	return {
		id: saved.id,
		success: saved.success,
		errors: saved.errors,
		isActive: readBack.IsActive,
		title: readBack.Title,
	};
}

const update = await updateUser(userId);

console.log(JSON.stringify({
	jsforceVersion: jsforce.VERSION,
	instanceUrl: conn.instanceUrl,
	userId: identity.id,
	organizationId: identity.organizationId,
	users: {
		totalSize: users.result.totalSize,
		done: users.result.done,
		fetched: userRecords.length,
		distinctIds: new Set(userRecords.map((u) => u.Id)).size,
		pages: users.pages,
		active: userRecords.filter((u) => u.IsActive === true).length,
		activeByLicense: countBy(userRecords.filter((u) => u.IsActive === true),
			(u) => u.Profile?.UserLicense?.LicenseDefinitionKey ?? 'none'),
	},
	loginHistory: {
		totalSize: logins.result.totalSize,
		done: logins.result.done,
		fetched: loginRecords.length,
		distinctIds: new Set(loginRecords.map((l) => l.Id)).size,
		pages: logins.pages,
		byStatus: countBy(loginRecords, (l) => l.Status),
	},
	limits: {
		dailyApiRequestsMax: limits.DailyApiRequests?.Max,
		dailyApiRequestsRemaining: limits.DailyApiRequests?.Remaining,
		apiUsageHeader: conn.limitInfo?.apiUsage ?? null,
	},
	update,
}));
