// Drives the real npm xAPI clients @xapi/xapi and TinCanJS against an LRS: statements, queries, state, activity
// and agent profiles, in xAPI 1.0.3 and 2.0.0. Run by RealClientsIT:
//   node clients.mjs <endpoint ending in /xapi/> <key> <secret>
// Prints one line per check and "N passed, N failed" at the end; exits 1 when a check failed.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const XAPI = require("@xapi/xapi");
const TinCan = require("tincanjs");

const [endpoint, key, secret] = process.argv.slice(2);
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log("ok - " + name);
  } catch (e) {
    failed++;
    const detail = e && e.response ? e.response.status + " " + JSON.stringify(e.response.data) : "";
    console.log("not ok - " + name + ": " + (e && e.message ? e.message : e) + " " + detail);
  }
}

const unique = () => randomUUID().slice(0, 8);

async function xapiJs(version) {
  const xapi = new XAPI({ endpoint, auth: XAPI.toBasicAuth(key, secret), version });
  const agent = { objectType: "Agent", mbox: "mailto:xapijs-" + unique() + "@example.se" };
  const activityId = "http://digikomp.example/clients/xapijs/" + unique();
  const tag = "@xapi/xapi " + version + ": ";

  await check(tag + "about lists the version", async () => {
    const about = (await xapi.getAbout()).data;
    assert.ok(about.version.includes(version));
  });

  const statement = {
    actor: agent,
    verb: XAPI.Verbs.COMPLETED,
    object: { objectType: "Activity", id: activityId, definition: { name: { "sv-SE": "Kurs " + version } } },
    result: { completion: true, success: true, score: { scaled: 0.9 }, duration: "PT1M30S" },
  };
  let id;
  await check(tag + "sendStatement returns the id and getStatement the statement", async () => {
    id = (await xapi.sendStatement({ statement })).data[0];
    const got = (await xapi.getStatement({ statementId: id })).data;
    assert.equal(got.id, id);
    assert.equal(got.verb.id, XAPI.Verbs.COMPLETED.id);
    assert.equal(got.object.definition.name["sv-SE"], "Kurs " + version);
    assert.equal(got.version, version === "2.0.0" ? "2.0.0" : "1.0.3");
  });

  await check(tag + "sendStatements stores a batch; getStatements filters by agent and activity", async () => {
    const experienced = { id: "http://adlnet.gov/expapi/verbs/experienced", display: { "en-US": "experienced" } };
    const batch = [1, 2, 3].map((n) => ({ ...statement, verb: experienced, result: { score: { raw: n } } }));
    const ids = (await xapi.sendStatements({ statements: batch })).data;
    assert.equal(ids.length, 3);
    const page = (await xapi.getStatements({ agent, activity: activityId, verb: experienced.id, limit: 2 })).data;
    assert.equal(page.statements.length, 2);
    assert.ok(page.more, "a more link for the third");
    const rest = (await xapi.getMoreStatements({ more: page.more })).data;
    assert.equal(rest.statements.length, 1);
  });

  await check(tag + "voidStatement voids and getVoidedStatement finds it", async () => {
    await xapi.voidStatement({ actor: agent, statementId: id });
    const voided = (await xapi.getVoidedStatement({ voidedStatementId: id })).data;
    assert.equal(voided.id, id);
  });

  await check(tag + "getActivity answers the canonical definition", async () => {
    const activity = (await xapi.getActivity({ activityId })).data;
    assert.equal(activity.definition.name["sv-SE"], "Kurs " + version);
  });

  await check(tag + "state: setState, createState merges, getState, getStates, deleteState", async () => {
    await xapi.setState({ agent, activityId, stateId: "bookmark", state: { page: 3 } });
    await xapi.createState({ agent, activityId, stateId: "bookmark", state: { done: false } });
    const state = await xapi.getState({ agent, activityId, stateId: "bookmark" });
    assert.deepEqual(state.data, { page: 3, done: false });
    assert.ok(state.headers.etag);
    const ids = (await xapi.getStates({ agent, activityId })).data;
    assert.deepEqual(ids, ["bookmark"]);
    await xapi.deleteState({ agent, activityId, stateId: "bookmark" });
    await assert.rejects(xapi.getState({ agent, activityId, stateId: "bookmark" }),
      (e) => e.response.status === 404);
  });

  for (const [kind, set, create, get, del, params, field] of [
    ["activity profile", "setActivityProfile", "createActivityProfile", "getActivityProfile",
      "deleteActivityProfile", { activityId }, "profile"],
    ["agent profile", "setAgentProfile", "createAgentProfile", "getAgentProfile", "deleteAgentProfile",
      { agent }, "profile"],
  ]) {
    await check(tag + kind + ": create with If-None-Match *, overwrite with If-Match, merge, delete", async () => {
      const profileId = "prefs-" + unique();
      await xapi[set]({ ...params, profileId, [field]: { lang: "sv" }, matchHeader: "If-None-Match", etag: "*" });
      let got = await xapi[get]({ ...params, profileId });
      assert.deepEqual(got.data, { lang: "sv" });
      await xapi[set]({ ...params, profileId, [field]: { lang: "en" }, matchHeader: "If-Match",
        etag: got.headers.etag });
      await xapi[create]({ ...params, profileId, [field]: { size: "large" } });
      got = await xapi[get]({ ...params, profileId });
      assert.deepEqual(got.data, { lang: "en", size: "large" });
      await assert.rejects(xapi[set]({ ...params, profileId, [field]: { lang: "fi" }, matchHeader: "If-Match",
        etag: "\"0000\"" }), (e) => e.response.status === 412);
      await xapi[del]({ ...params, profileId, etag: got.headers.etag });
      await assert.rejects(xapi[get]({ ...params, profileId }), (e) => e.response.status === 404);
    });

    await check(tag + kind + ": a PUT without a precondition for a new document", async () => {
      const profileId = "bare-" + unique();
      const put = xapi[set]({ ...params, profileId, [field]: { a: 1 } });
      if (version === "1.0.3") {
        // the 1.0.3 ADL suite asks for a precondition; the message says exactly what to send
        await assert.rejects(put, (e) => e.response.status === 400
          && e.response.data.message.includes("If-None-Match: *")
          && e.response.data.message.includes("If-Match"));
      } else {
        await put;
        assert.deepEqual((await xapi[get]({ ...params, profileId })).data, { a: 1 });
      }
    });
  }
}

function tincan(version) {
  const lrs = new TinCan.LRS({ endpoint, username: key, password: secret, allowFail: false });
  // TinCanJS 0.50.0 names versions up to 1.0.2 (answered as 1.0.3); its requests carry this.version
  lrs.version = version;
  return lrs;
}

/** A TinCanJS call with a callback, as a promise of the callback's (err, result, xhr). */
function call(fn) {
  return new Promise((resolve) => fn((err, result) => resolve({ err, result })));
}

async function tincanJs(version) {
  const lrs = tincan(version);
  // its query builder checks parameters against a table of the versions it knows, which ends at 1.0.2
  const queries = version !== "2.0.0";
  const tag = "tincanjs " + version + ": ";
  const agent = new TinCan.Agent({ mbox: "mailto:tincan-" + unique() + "@example.se" });
  const activity = new TinCan.Activity({ id: "http://digikomp.example/clients/tincan/" + unique(),
    definition: { name: { "sv-SE": "TinCan-kurs" } } });

  let id;
  await check(tag + "saveStatement and retrieveStatement", async () => {
    const st = new TinCan.Statement({ actor: agent, verb: { id: "http://adlnet.gov/expapi/verbs/attempted" },
      target: activity, result: { completion: false } });
    const saved = await call((cb) => lrs.saveStatement(st, { callback: cb }));
    assert.equal(saved.err, null);
    id = st.id;
    const got = await call((cb) => lrs.retrieveStatement(id, { callback: cb }));
    assert.equal(got.err, null);
    assert.equal(got.result.id, id);
    assert.equal(got.result.target.id, activity.id);
  });

  await check(tag + "saveStatements, then each by id" + (queries ? ", and queryStatements with moreStatements"
    : ""), async () => {
    const batch = [1, 2, 3].map((n) => new TinCan.Statement({ actor: agent,
      verb: { id: "http://adlnet.gov/expapi/verbs/answered" }, target: activity, result: { score: { raw: n } } }));
    const saved = await call((cb) => lrs.saveStatements(batch, { callback: cb }));
    assert.equal(saved.err, null);
    for (const st of batch) {
      const got = await call((cb) => lrs.retrieveStatement(st.id, { callback: cb }));
      assert.equal(got.result.result.score.raw, st.result.score.raw);
    }
    if (!queries) {
      return;
    }
    const page = await call((cb) => lrs.queryStatements({ params: { agent, verb: new TinCan.Verb({
      id: "http://adlnet.gov/expapi/verbs/answered" }), activity, limit: 2 }, callback: cb }));
    assert.equal(page.err, null);
    assert.equal(page.result.statements.length, 2);
    const rest = await call((cb) => lrs.moreStatements({ url: page.result.more, callback: cb }));
    assert.equal(rest.err, null);
    assert.equal(rest.result.statements.length, 1);
  });

  await check(tag + "saveState, retrieveState, retrieveStateIds, dropState", async () => {
    const cfg = { agent, activity, contentType: "application/json" };
    assert.equal((await call((cb) => lrs.saveState("resume", { slide: 7 }, { ...cfg, callback: cb }))).err, null);
    const got = await call((cb) => lrs.retrieveState("resume", { ...cfg, callback: cb }));
    assert.equal(got.err, null);
    assert.deepEqual(got.result.contents, { slide: 7 });
    assert.ok(got.result.etag);
    // TinCanJS sends the bare SHA-1 as If-Match (as xAPI 1.0.x clients did)
    assert.equal((await call((cb) => lrs.saveState("resume", { slide: 8 }, { ...cfg, lastSHA1: got.result.etag,
      callback: cb }))).err, null);
    const ids = await call((cb) => lrs.retrieveStateIds({ ...cfg, callback: cb }));
    assert.deepEqual(ids.result, ["resume"]);
    assert.equal((await call((cb) => lrs.dropState("resume", { ...cfg, callback: cb }))).err, null);
    const gone = await call((cb) => lrs.retrieveState("resume", { ...cfg, callback: cb }));
    assert.equal(gone.result, null);
  });

  await check(tag + "saveActivityProfile and saveAgentProfile create, replace and read back", async () => {
    const json = { contentType: "application/json" };
    let r = await call((cb) => lrs.saveActivityProfile("p", { a: 1 }, { activity, ...json, callback: cb }));
    assert.equal(r.err, null);
    let got = await call((cb) => lrs.retrieveActivityProfile("p", { activity, callback: cb }));
    assert.deepEqual(got.result.contents, { a: 1 });
    r = await call((cb) => lrs.saveActivityProfile("p", { a: 2 }, { activity, ...json, lastSHA1: got.result.etag,
      callback: cb }));
    assert.equal(r.err, null);
    got = await call((cb) => lrs.retrieveActivityProfile("p", { activity, callback: cb }));
    assert.deepEqual(got.result.contents, { a: 2 });
    r = await call((cb) => lrs.saveAgentProfile("q", { b: 1 }, { agent, ...json, callback: cb }));
    assert.equal(r.err, null);
    got = await call((cb) => lrs.retrieveAgentProfile("q", { agent, callback: cb }));
    assert.deepEqual(got.result.contents, { b: 1 });
  });
}

for (const version of ["1.0.3", "2.0.0"]) {
  await xapiJs(version);
}
for (const version of ["1.0.2", "2.0.0"]) {
  await tincanJs(version);
}
console.log(passed + " passed, " + failed + " failed");
process.exit(failed === 0 ? 0 : 1);
