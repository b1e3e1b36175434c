// The benchmark's sync rows against a CouchDB of your own (MENTORLOG_COUCHDB_URL, with
// MENTORLOG_COUCHDB_ADMIN and MENTORLOG_COUCHDB_PASSWORD, as `npm run test:sync` takes them),
// rather than the stand-in in memory on this machine. On another machine, the server leaves this
// one's cores to the browser, as a program's server does; the stand-in shares them (README,
// Performance). The benchmark seeds a program of its own there, under the fixed names a program
// has (one directory per server), and deletes it at the end: so it takes only a server that holds
// no program, or one that a run of its own left behind (its directory carries a mark).

/** In the directory from the moment it is made, so that what an interrupted run left is known as the benchmark's. */
const MARK = '_local/mentorlog-benchmark';

/** The server at MENTORLOG_COUCHDB_URL, or null when none is given. */
export function givenServer(fetchOnce) {
  const url = process.env.MENTORLOG_COUCHDB_URL?.replace(/\/+$/, '');
  if (!url) return null;
  const name = process.env.MENTORLOG_COUCHDB_ADMIN;
  const password = process.env.MENTORLOG_COUCHDB_PASSWORD;
  if (!name || !password)
    throw new Error('MENTORLOG_COUCHDB_URL needs MENTORLOG_COUCHDB_ADMIN and MENTORLOG_COUCHDB_PASSWORD beside it.');
  const admin = { url, name, password, fetch: fetchOnce };
  let seeded = null;
  return {
    url,
    admin,
    /**
     * Before seeding, with the app's admin `request` (src/sync/provisionProgram.ts) and `inTurn`
     * (syncServer.mjs): refuses a server that holds a program, clears what a run of the benchmark
     * left, and makes the directory with its mark, so that a run cut short at any point leaves
     * only what the next run knows as the benchmark's.
     */
    async claim(names, tools) {
      const { request } = tools;
      const session = await request(admin, 'GET', '_session');
      if (session.status !== 200 || !session.body.userCtx?.roles?.includes('_admin'))
        throw new Error(
          `The CouchDB at ${url} did not take MENTORLOG_COUCHDB_ADMIN and MENTORLOG_COUCHDB_PASSWORD as a server admin's (answered ${session.status}).`,
        );
      const directory = encodeURIComponent(names.directory);
      if ((await request(admin, 'GET', directory)).status === 200) {
        if ((await request(admin, 'GET', `${directory}/${MARK}`)).status !== 200)
          throw new Error(
            `The CouchDB at ${url} holds a Mentorlog program (its database ${names.directory}). The benchmark seeds a program of its own and deletes it at the end: give it a CouchDB that holds none.`,
          );
        // A run of another size left pairs this one does not name: on a server marked as the
        // benchmark's, every Mentorlog database is the benchmark's.
        const all = await request(admin, 'GET', '_all_dbs');
        const left = Array.isArray(all.body) ? all.body.filter((database) => database.startsWith('mentorlog-')) : [];
        await removeSeeded(admin, { ...names, databases: [...new Set([...names.databases, ...left])] }, tools);
      }
      seeded = { names, tools };
      const made = await request(admin, 'PUT', directory);
      const marked =
        made.status < 300 ? await request(admin, 'PUT', `${directory}/${MARK}`, { by: 'npm run bench' }) : made;
      if (marked.status !== 201)
        throw new Error(`Making ${names.directory} as the benchmark's failed: ${marked.status}`);
    },
    async stop() {
      if (seeded) await removeSeeded(admin, seeded.names, seeded.tools);
    },
  };
}

/** Deletes the databases and user accounts of the program the benchmark seeded; what is not there is skipped. */
async function removeSeeded(admin, names, { request, inTurn }) {
  const drop = async (database) => {
    const removed = await request(admin, 'DELETE', encodeURIComponent(database));
    if (removed.status !== 200 && removed.status !== 202 && removed.status !== 404)
      throw new Error(`Deleting ${database} failed: ${removed.status}`);
  };
  // The directory last: while it stands with its mark, a cut-short removal is still known as the benchmark's.
  await inTurn(
    names.databases.filter((database) => database !== names.directory),
    6,
    drop,
  );
  const users = await request(admin, 'POST', '_users/_all_docs', {
    keys: names.people.map((personId) => `org.couchdb.user:${personId}`),
  });
  if (users.status !== 200) throw new Error(`Reading the benchmark's user accounts failed: ${users.status}`);
  const held = users.body.rows.filter((row) => row.value && !row.value.deleted);
  if (held.length > 0) {
    const gone = await request(admin, 'POST', '_users/_bulk_docs', {
      docs: held.map((row) => ({ _id: row.id, _rev: row.value.rev, _deleted: true })),
    });
    if (gone.status !== 201) throw new Error(`Deleting the benchmark's user accounts failed: ${gone.status}`);
  }
  await drop(names.directory);
}
