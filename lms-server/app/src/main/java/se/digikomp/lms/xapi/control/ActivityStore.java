package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;

/**
 * Canonical activity definitions (xAPI 1.0.3 Communication 2.5, 2.0 4.1.6.4): every activity in a stored statement
 * is recorded; a later definition replaces the earlier one property by property, language maps merge. What this
 * server last stored is remembered, so the usual statement (about a known activity, same definition) costs no
 * database work here; with several servers a definition changed by another one is merged on its next change.
 */
@ApplicationScoped
public class ActivityStore {

    /** The definitions this server last read or wrote, per organisation and activity (bounded). */
    private static final java.util.concurrent.ConcurrentHashMap<String, JsonObject> KNOWN =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The incoming definitions this server last recorded, per organisation and activity id (bounded). */
    private static final java.util.concurrent.ConcurrentHashMap<String, JsonObject> SEEN =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Optional<JsonObject> find(long org, byte[] hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT document FROM xapi_activity WHERE organisation_id = ? AND activity_hash = ?")) {
            ps.setLong(1, org);
            ps.setBytes(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JsonBuilders.PROVIDER.createReader(new StringReader(rs.getString(1))).readObject())
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /**
     * Records the activities of statements, inside the caller's transaction: one read of the known definitions and
     * one multi-row upsert of those that are new or changed, in hash order (a consistent lock order).
     */
    static Runnable record(Connection c, long org, Iterable<JsonObject> statements) throws SQLException {
        Map<String, JsonObject> latest = new LinkedHashMap<>();
        for (JsonObject s : statements) {
            collect(s, latest);
        }
        java.util.TreeMap<String, JsonObject> byHash = new java.util.TreeMap<>();
        List<Map.Entry<String, JsonObject>> seenNow = new ArrayList<>();
        for (JsonObject a : latest.values()) {
            String seenKey = org + " " + a.getString("id");
            // the very definition this server recorded last for the activity: nothing to merge, read or write
            if (a.equals(SEEN.get(seenKey))) {
                continue;
            }
            seenNow.add(Map.entry(seenKey, a));
            String hash = java.util.HexFormat.of().formatHex(StatementKeys.hash(a.getString("id")));
            JsonObject cached = KNOWN.get(org + ":" + hash);
            // unchanged against what this server last stored: nothing to read or write
            if (cached == null || !merge(cached, a).equals(cached)) {
                byHash.put(hash, a);
            }
        }
        if (byHash.isEmpty()) {
            return () -> remember(seenNow);
        }
        Map<String, JsonObject> known = new java.util.HashMap<>();
        StringBuilder select = new StringBuilder("SELECT activity_hash, document FROM xapi_activity"
                + " WHERE organisation_id = ? AND activity_hash IN (");
        select.append("?,".repeat(byHash.size())).setLength(select.length() - 1);
        select.append(")");
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setLong(1, org);
            int i = 2;
            for (String hash : byHash.keySet()) {
                ps.setBytes(i++, java.util.HexFormat.of().parseHex(hash));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.put(java.util.HexFormat.of().formatHex(rs.getBytes(1)),
                            JsonBuilders.PROVIDER.createReader(new StringReader(rs.getString(2))).readObject());
                }
            }
        }
        Map<String, JsonObject> current = new java.util.HashMap<>();
        List<Map.Entry<String, JsonObject>> writes = new ArrayList<>();
        for (Map.Entry<String, JsonObject> e : byHash.entrySet()) {
            JsonObject old = known.get(e.getKey());
            JsonObject merged = old == null ? e.getValue() : merge(old, e.getValue());
            current.put(e.getKey(), merged);
            if (!merged.equals(old)) {
                writes.add(Map.entry(e.getKey(), merged));
            }
        }
        if (!writes.isEmpty()) {
            StringBuilder upsert = new StringBuilder("INSERT INTO xapi_activity (organisation_id, activity_hash,"
                    + " activity_id, document) VALUES ");
            upsert.append("(?,?,?,?),".repeat(writes.size())).setLength(upsert.length() - 1);
            upsert.append(" ON DUPLICATE KEY UPDATE document = VALUES(document)");
            try (PreparedStatement ps = c.prepareStatement(upsert.toString())) {
                int i = 1;
                for (Map.Entry<String, JsonObject> w : writes) {
                    ps.setLong(i++, org);
                    ps.setBytes(i++, java.util.HexFormat.of().parseHex(w.getKey()));
                    ps.setString(i++, w.getValue().getString("id"));
                    ps.setString(i++, w.getValue().toString());
                }
                ps.executeUpdate();
            }
        }
        // remembered only once the transaction has committed
        return () -> {
            if (KNOWN.size() > 100_000) {
                KNOWN.clear();
            }
            current.forEach((hash, doc) -> KNOWN.put(org + ":" + hash, doc));
            remember(seenNow);
        };
    }

    private static void remember(List<Map.Entry<String, JsonObject>> seen) {
        if (SEEN.size() > 100_000) {
            SEEN.clear();
        }
        seen.forEach(e -> SEEN.put(e.getKey(), e.getValue()));
    }

    private static void collect(JsonObject s, Map<String, JsonObject> into) {
        JsonObject object = s.getJsonObject("object");
        String type = object.getString("objectType", "Activity");
        if (type.equals("Activity")) {
            add(object, into);
        } else if (type.equals("SubStatement")) {
            collect(object, into);
        }
        JsonObject context = s.getJsonObject("context");
        JsonObject ca = context == null ? null : context.getJsonObject("contextActivities");
        if (ca != null) {
            for (JsonValue v : ca.values()) {
                if (v.getValueType() == JsonValue.ValueType.ARRAY) {
                    v.asJsonArray().forEach(a -> add(a.asJsonObject(), into));
                } else {
                    add(v.asJsonObject(), into);
                }
            }
        }
    }

    private static void add(JsonObject activity, Map<String, JsonObject> into) {
        JsonObject clean = JsonBuilders.PROVIDER.createObjectBuilder(activity).add("objectType", "Activity").build();
        JsonObject previous = into.get(activity.getString("id"));
        into.put(activity.getString("id"), previous == null ? clean : merge(previous, clean));
    }

    static JsonObject merge(JsonObject old, JsonObject newer) {
        JsonObject oldDef = old.getJsonObject("definition");
        JsonObject newDef = newer.getJsonObject("definition");
        if (oldDef == null || newDef == null) {
            return newDef == null ? old : newer;
        }
        JsonObjectBuilder def = JsonBuilders.PROVIDER.createObjectBuilder(oldDef);
        for (var e : newDef.entrySet()) {
            JsonValue previous = oldDef.get(e.getKey());
            if (("name".equals(e.getKey()) || "description".equals(e.getKey())) && previous != null
                    && previous.getValueType() == JsonValue.ValueType.OBJECT) {
                def.add(e.getKey(), JsonBuilders.PROVIDER.createObjectBuilder(previous.asJsonObject())
                        .addAll(JsonBuilders.PROVIDER.createObjectBuilder(e.getValue().asJsonObject())));
            } else {
                def.add(e.getKey(), e.getValue());
            }
        }
        return JsonBuilders.PROVIDER.createObjectBuilder(newer).add("definition", def).build();
    }
}
