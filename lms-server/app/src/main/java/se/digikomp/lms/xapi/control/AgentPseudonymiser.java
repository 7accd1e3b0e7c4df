package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.digikomp.lms.xapi.entity.KeyKind;

/**
 * Replaces a person in stored statements by a pseudonym agent, for an erasure: every agent whose key is one of the
 * person's (actor, object agent, authority, context instructor, team, context agents and groups, group members, the
 * same inside a SubStatement) becomes the pseudonym, and the statement's key rows of kinds agent and related agent
 * are moved from the person's keys to the pseudonym's, so that queries for the old agent find nothing and queries
 * for the pseudonym find what the person did. Verbs, objects, results, times, ids and voiding are kept, so learning
 * statistics stay right.
 *
 * <p>Where the person is the actor (or a member of the acting group) the statement's attachments are removed (their
 * SHA-2 are returned, so the content can be deleted once no other statement uses it) and {@code result.response} is
 * removed unless the interaction type makes it a pattern of ids rather than free text (xAPI 1.0.3 Data 2.4.4.1,
 * 2.0 9.3 "Interaction Activities").
 *
 * <p>Works in batches on the caller's connection and transaction: the caller commits a batch and its own record of
 * it together. A batch takes statements that still carry a key row of the person, so running batches until one is
 * empty is idempotent and can be resumed after a crash at any point.
 */
public final class AgentPseudonymiser {

    /** Interaction types whose response is a pattern of ids or numbers, never free text. */
    static final Set<String> ID_RESPONSES = Set.of("true-false", "choice", "sequencing", "likert", "matching",
            "numeric");

    /** The home page of every pseudonym agent: it identifies no system a person has an account on. */
    public static final String PSEUDONYM_HOME_PAGE = "https://digikomp.se/pseudonym";

    /** What one batch did. */
    public record Batch(int statements, int statementsChanged, int attachmentsRemoved, int responsesRemoved,
                        List<String> removedAttachmentSha2) {
        public boolean empty() {
            return statements == 0;
        }
    }

    private final List<byte[]> personKeys;
    private final JsonObject pseudonym;
    private final byte[] pseudonymKey;

    /**
     * @param personKeys the keys of every identity of the person ({@link AgentKeys#of(List)})
     * @param pseudonymName the random name of the pseudonym agent
     */
    public AgentPseudonymiser(List<byte[]> personKeys, String pseudonymName) {
        this.personKeys = List.copyOf(personKeys);
        this.pseudonym = pseudonym(pseudonymName);
        this.pseudonymKey = AgentKeys.of(pseudonym).orElseThrow();
    }

    /** The pseudonym agent: {@code {"objectType":"Agent","account":{"homePage":PSEUDONYM_HOME_PAGE,"name":...}}}. */
    public static JsonObject pseudonym(String name) {
        return JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Agent")
                .add("account", JsonBuilders.PROVIDER.createObjectBuilder().add("homePage", PSEUDONYM_HOME_PAGE)
                        .add("name", UUID.fromString(name).toString()))
                .build();
    }

    /** Pseudonymises up to {@code limit} statements that still carry one of the person's keys. */
    public Batch next(Connection c, long organisationId, int limit) throws SQLException {
        List<Long> seqs = List.of();
        for (byte[] key : personKeys) {
            seqs = seqsWith(c, organisationId, key, limit);
            if (!seqs.isEmpty()) {
                break;
            }
        }
        if (seqs.isEmpty()) {
            return new Batch(0, 0, 0, 0, List.of());
        }
        Map<Long, String> bodies = bodies(c, organisationId, seqs);
        Rewrite totals = new Rewrite();
        int changed = 0;
        try (PreparedStatement update = c.prepareStatement("UPDATE xapi_statement SET body = ?, has_attachments = ?"
                + " WHERE organisation_id = ? AND seq = ?")) {
            for (Map.Entry<Long, String> e : bodies.entrySet()) {
                JsonObject before = JsonBuilders.PROVIDER.createReader(new StringReader(e.getValue())).readObject();
                Rewrite r = new Rewrite();
                JsonObject after = rewrite(before, r);
                if (after == before) {
                    continue;
                }
                changed++;
                totals.add(r);
                update.setBytes(1, StatementDocuments.pack(after.toString()));
                update.setBoolean(2, after.containsKey("attachments"));
                update.setLong(3, organisationId);
                update.setLong(4, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        moveKeys(c, organisationId, seqs);
        return new Batch(seqs.size(), changed, totals.attachments, totals.responses, List.copyOf(totals.sha2s));
    }

    private static List<Long> seqsWith(Connection c, long org, byte[] key, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM xapi_statement_key WHERE organisation_id = ?"
                + " AND kind = ? AND key_hash = ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, org);
            ps.setInt(2, KeyKind.RELATED_AGENT.code());
            ps.setBytes(3, key);
            ps.setInt(4, limit);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        }
    }

    /** The statements' JSON, rows locked until the batch commits (a voiding statement may update them meanwhile). */
    private static Map<Long, String> bodies(Connection c, long org, List<Long> seqs) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT seq, body FROM xapi_statement WHERE organisation_id = ? AND seq IN (");
        sql.append("?,".repeat(seqs.size())).setLength(sql.length() - 1);
        sql.append(") FOR UPDATE");
        Map<Long, String> bodies = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, org);
            for (int i = 0; i < seqs.size(); i++) {
                ps.setLong(i + 2, seqs.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bodies.put(rs.getLong(1), StatementDocuments.unpack(rs.getBytes(2)));
                }
            }
        }
        return bodies;
    }

    /** Key rows (agent, related agent) of the person's keys on these statements become rows of the pseudonym's key. */
    private void moveKeys(Connection c, long org, List<Long> seqs) throws SQLException {
        String where = " WHERE organisation_id = ? AND kind IN (?, ?) AND key_hash IN ("
                + "?,".repeat(personKeys.size()).substring(0, personKeys.size() * 2 - 1) + ") AND seq IN ("
                + "?,".repeat(seqs.size()).substring(0, seqs.size() * 2 - 1) + ")";
        try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO xapi_statement_key"
                + " (organisation_id, kind, key_hash, seq) SELECT organisation_id, kind, ?, seq FROM xapi_statement_key"
                + where)) {
            insert.setBytes(1, pseudonymKey);
            bindWhere(insert, 2, org, seqs);
            insert.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM xapi_statement_key" + where)) {
            bindWhere(delete, 1, org, seqs);
            delete.executeUpdate();
        }
    }

    private void bindWhere(PreparedStatement ps, int from, long org, List<Long> seqs) throws SQLException {
        int p = from;
        ps.setLong(p++, org);
        ps.setInt(p++, KeyKind.AGENT.code());
        ps.setInt(p++, KeyKind.RELATED_AGENT.code());
        for (byte[] k : personKeys) {
            ps.setBytes(p++, k);
        }
        for (long seq : seqs) {
            ps.setLong(p++, seq);
        }
    }

    /** What rewriting one statement removed. */
    static final class Rewrite {
        int attachments;
        int responses;
        final List<String> sha2s = new ArrayList<>();

        void add(Rewrite other) {
            attachments += other.attachments;
            responses += other.responses;
            other.sha2s.stream().filter(s -> !sha2s.contains(s)).forEach(sha2s::add);
        }
    }

    /** The statement (or SubStatement) with the person replaced; the same instance when the person is not in it. */
    JsonObject rewrite(JsonObject statement, Rewrite r) {
        JsonObjectBuilder b = null;
        JsonObject actor = statement.getJsonObject("actor");
        JsonObject newActor = actor == null ? null : agent(actor);
        boolean personActs = newActor != actor;
        if (personActs) {
            b = builder(b, statement).add("actor", newActor);
        }
        JsonObject object = statement.getJsonObject("object");
        if (object != null) {
            String type = object.getString("objectType", "Activity");
            JsonObject newObject = switch (type) {
                case "Agent", "Group" -> agent(object);
                case "SubStatement" -> rewrite(object, r);
                default -> object;
            };
            if (newObject != object) {
                b = builder(b, statement).add("object", newObject);
            }
        }
        JsonObject context = statement.getJsonObject("context");
        if (context != null) {
            JsonObject newContext = context(context);
            if (newContext != context) {
                b = builder(b, statement).add("context", newContext);
            }
        }
        JsonObject authority = statement.getJsonObject("authority");
        if (authority != null) {
            JsonObject newAuthority = agent(authority);
            if (newAuthority != authority) {
                b = builder(b, statement).add("authority", newAuthority);
            }
        }
        if (personActs) {
            JsonArray attachments = statement.getJsonArray("attachments");
            if (attachments != null) {
                for (JsonValue a : attachments) {
                    String sha2 = a.asJsonObject().getString("sha2", null);
                    if (sha2 != null && !r.sha2s.contains(sha2)) {
                        r.sha2s.add(sha2);
                    }
                }
                r.attachments += attachments.size();
                b.remove("attachments");
            }
            JsonObject result = statement.getJsonObject("result");
            if (result != null && result.containsKey("response") && mayBeFreeText(object)) {
                r.responses++;
                b.add("result", JsonBuilders.PROVIDER.createObjectBuilder(result).remove("response"));
            }
        }
        return b == null ? statement : b.build();
    }

    /** A response is free text unless the object is an interaction whose responses are ids or numbers. */
    static boolean mayBeFreeText(JsonObject object) {
        if (object == null || !"Activity".equals(object.getString("objectType", "Activity"))) {
            return true;
        }
        JsonObject definition = object.getJsonObject("definition");
        String type = definition == null ? null : definition.getString("interactionType", null);
        return type == null || !ID_RESPONSES.contains(type);
    }

    private JsonObject context(JsonObject context) {
        JsonObjectBuilder b = null;
        for (String role : new String[] {"instructor", "team"}) {
            JsonObject agent = context.getJsonObject(role);
            if (agent != null) {
                JsonObject replaced = agent(agent);
                if (replaced != agent) {
                    b = builder(b, context).add(role, replaced);
                }
            }
        }
        // xAPI 2.0 9.3 contextAgents / contextGroups: objects holding an agent or a group
        for (String[] list : new String[][] {{"contextAgents", "agent"}, {"contextGroups", "group"}}) {
            JsonArray entries = context.getJsonArray(list[0]);
            if (entries == null) {
                continue;
            }
            JsonArrayBuilder rebuilt = JsonBuilders.PROVIDER.createArrayBuilder();
            boolean changed = false;
            for (JsonValue v : entries) {
                JsonObject entry = v.asJsonObject();
                JsonObject agent = entry.getJsonObject(list[1]);
                JsonObject replaced = agent == null ? null : agent(agent);
                if (replaced != agent) {
                    changed = true;
                    rebuilt.add(JsonBuilders.PROVIDER.createObjectBuilder(entry).add(list[1], replaced));
                } else {
                    rebuilt.add(entry);
                }
            }
            if (changed) {
                b = builder(b, context).add(list[0], rebuilt);
            }
        }
        return b == null ? context : b.build();
    }

    /** The pseudonym for one of the person's identities; a group with the person among its members rebuilt. */
    JsonObject agent(JsonObject agent) {
        if (AgentKeys.of(agent).filter(k -> AgentKeys.contains(personKeys, k)).isPresent()) {
            return "Group".equals(agent.getString("objectType", "Agent"))
                    ? JsonBuilders.PROVIDER.createObjectBuilder(pseudonym).add("objectType", "Group").build()
                    : pseudonym;
        }
        JsonArray members = agent.getJsonArray("member");
        if (members == null) {
            return agent;
        }
        JsonArrayBuilder rebuilt = JsonBuilders.PROVIDER.createArrayBuilder();
        boolean changed = false;
        for (JsonValue m : members) {
            JsonObject member = m.asJsonObject();
            JsonObject replaced = agent(member);
            changed |= replaced != member;
            rebuilt.add(replaced);
        }
        return changed ? JsonBuilders.PROVIDER.createObjectBuilder(agent).add("member", rebuilt).build() : agent;
    }

    private static JsonObjectBuilder builder(JsonObjectBuilder b, JsonObject from) {
        return b != null ? b : JsonBuilders.PROVIDER.createObjectBuilder(from);
    }
}
