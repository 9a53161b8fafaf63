// Drives a Salesforce org (meant for the Seatkeeper sandbox) with jsforce exactly as an application would, and
// prints one JSON line with what it saw. Nothing here knows it talks to a simulation.
//
//   node compat.mjs BASE_URL CLIENT_ID CLIENT_SECRET USER_ID
//
// Each argument may instead come from SF_BASE_URL, SF_CLIENT_ID, SF_CLIENT_SECRET, SF_UPDATE_USER_ID.
// USER_ID is the user to deactivate and retitle. Exit status 0 on success; on failure the error goes to stderr.
import jsforce from 'jsforce';

const [baseUrl, clientId, clientSecret, userId] = [
	[2, 'SF_BASE_URL'],
	[3, 'SF_CLIENT_ID'],
	[4, 'SF_CLIENT_SECRET'],
	[5, 'SF_UPDATE_USER_ID'],
].map(([index, name]) => {
	const value = process.argv[index] ?? process.env[name];
	if (!value) {
		console.error(`usage: node compat.mjs BASE_URL CLIENT_ID CLIENT_SECRET USER_ID (or set ${name})`);
		process.exit(2);
	}
	return value;
});

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

const update = await conn.sobject('User').update({ Id: userId, IsActive: false, Title: NEW_TITLE });
const readBack = await conn.sobject('User').retrieve(userId);

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
	update: {
		id: update.id,
		success: update.success,
		errors: update.errors,
		isActive: readBack.IsActive,
		title: readBack.Title,
	},
}));
