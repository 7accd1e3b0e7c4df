package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;

/**
 * Canonical activity definitions (xAPI 1.0.3 Communication 2.5, 2.0 4.1.6.4): every activity in a stored statement
 * is recorded; a later definition replaces the earlier one property by property, language maps merge.
 */
@ApplicationScoped
public class ActivityStore {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Optional<JsonObject> find(long org, byte[] hash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT document FROM xapi_activity WHERE organisation_id = ? AND activity_hash = ?")) {
            ps.setLong(1, org);
            ps.setBytes(2, hash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Json.createReader(new StringReader(rs.getString(1))).readObject())
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /** Records the activities of statements, inside the caller's transaction. */
    static void record(Connection c, long org, Iterable<JsonObject> statements) throws SQLException {
        Map<String, JsonObject> latest = new LinkedHashMap<>();
        for (JsonObject s : statements) {
            collect(s, latest);
        }
        if (latest.isEmpty()) {
            return;
        }
        for (JsonObject activity : latest.values()) {
            String id = activity.getString("id");
            byte[] hash = StatementKeys.hash(id);
            JsonObject merged = activity;
            if (activity.containsKey("definition")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT document FROM xapi_activity"
                        + " WHERE organisation_id = ? AND activity_hash = ? FOR UPDATE")) {
                    ps.setLong(1, org);
                    ps.setBytes(2, hash);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            merged = merge(Json.createReader(new StringReader(rs.getString(1))).readObject(), activity);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_activity (organisation_id,"
                    + " activity_hash, activity_id, document) VALUES (?,?,?,?) ON DUPLICATE KEY UPDATE document = "
                    + (activity.containsKey("definition") ? "VALUES(document)" : "document"))) {
                ps.setLong(1, org);
                ps.setBytes(2, hash);
                ps.setString(3, id);
                ps.setString(4, merged.toString());
                ps.executeUpdate();
            }
        }
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
        JsonObject clean = Json.createObjectBuilder(activity).add("objectType", "Activity").build();
        JsonObject previous = into.get(activity.getString("id"));
        into.put(activity.getString("id"), previous == null ? clean : merge(previous, clean));
    }

    static JsonObject merge(JsonObject old, JsonObject newer) {
        JsonObject oldDef = old.getJsonObject("definition");
        JsonObject newDef = newer.getJsonObject("definition");
        if (oldDef == null || newDef == null) {
            return newDef == null ? old : newer;
        }
        JsonObjectBuilder def = Json.createObjectBuilder(oldDef);
        for (var e : newDef.entrySet()) {
            JsonValue previous = oldDef.get(e.getKey());
            if (("name".equals(e.getKey()) || "description".equals(e.getKey())) && previous != null
                    && previous.getValueType() == JsonValue.ValueType.OBJECT) {
                def.add(e.getKey(), Json.createObjectBuilder(previous.asJsonObject())
                        .addAll(Json.createObjectBuilder(e.getValue().asJsonObject())));
            } else {
                def.add(e.getKey(), e.getValue());
            }
        }
        return Json.createObjectBuilder(newer).add("definition", def).build();
    }
}
