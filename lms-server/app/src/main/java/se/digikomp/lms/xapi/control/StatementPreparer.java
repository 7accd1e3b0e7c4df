package se.digikomp.lms.xapi.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import se.digikomp.lms.xapi.entity.IncomingStatement;
import se.digikomp.lms.xapi.entity.XapiVersion;

/**
 * Turns a validated statement into what the LRS stores (xAPI 1.0.3 Data 2.4.1, 2.4.7-2.4.10; 2.0 4.2.4): an id if
 * it has none, "stored", "timestamp" (= stored when absent, converted to UTC otherwise), "authority" from the
 * credential, and "version" (kept when sent, else the version of the request, 1.0.x being stored as 1.0.3).
 */
public final class StatementPreparer {

    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private StatementPreparer() {
    }

    public static IncomingStatement prepare(JsonObject s, XapiVersion version, JsonObject authority, Instant stored) {
        String id = s.containsKey("id") ? s.getString("id").toLowerCase(Locale.ROOT) : UUID.randomUUID().toString();
        String storedText = ValueFormats.formatUtc(stored.atOffset(ZoneOffset.UTC));
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder(contextActivitiesAsArrays(s));
        b.add("id", id);
        b.add("stored", storedText);
        if (s.containsKey("timestamp")) {
            ValueFormats.parseTimestamp(s.getString("timestamp"))
                    .ifPresent(t -> b.add("timestamp", ValueFormats.toUtcIso(t)));
        } else {
            b.add("timestamp", storedText);
        }
        b.add("authority", authority);
        if (!s.containsKey("version")) {
            b.add("version", version.header());
        }
        JsonObject doc = b.build();
        JsonObject object = doc.getJsonObject("object");
        Optional<String> target = Optional.empty();
        if ("StatementRef".equals(object.getString("objectType", "Activity"))) {
            target = Optional.of(object.getString("id").toLowerCase(Locale.ROOT));
        }
        boolean voiding = VOIDED.equals(doc.getJsonObject("verb").getString("id"));
        // 1.0.3 Data 2.3.2: a voiding statement's object MUST be a StatementRef
        if (voiding && target.isEmpty()) {
            throw XapiException.badRequest("statement.object.objectType: a statement with verb " + VOIDED
                    + " must have a StatementRef as its object");
        }
        return new IncomingStatement(id, doc, contextActivitiesAsArrays(s), stored, StatementKeys.of(doc), target,
                voiding);
    }

    /** 1.0.3 Data 2.4.6.2: a single context activity is returned as an array of one (also in a SubStatement). */
    static JsonObject contextActivitiesAsArrays(JsonObject s) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder(s);
        JsonObject object = s.getJsonObject("object");
        if ("SubStatement".equals(object.getString("objectType", "Activity"))) {
            b.add("object", contextActivitiesAsArrays(object));
        }
        JsonObject context = s.getJsonObject("context");
        if (context != null && context.containsKey("contextActivities")) {
            JsonObjectBuilder ca = JsonBuilders.PROVIDER.createObjectBuilder();
            for (var e : context.getJsonObject("contextActivities").entrySet()) {
                ca.add(e.getKey(), e.getValue().getValueType() == jakarta.json.JsonValue.ValueType.ARRAY
                        ? e.getValue() : JsonBuilders.PROVIDER.createArrayBuilder().add(e.getValue()).build());
            }
            b.add("context", JsonBuilders.PROVIDER.createObjectBuilder(context).add("contextActivities", ca));
        }
        return b.build();
    }
}
