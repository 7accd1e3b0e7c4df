package se.digikomp.lms.xapi.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Statement equality as xAPI defines it for immutability and signatures (1.0.3 Data 2.4.1 / Communication 2.1.1:
 * a statement with an id already stored is accepted only if it matches; 2.0 4.2.7: durations compare to 0.01 s;
 * 2.0 4.2.4.2: id, stored, authority, version are properties the LRS sets and are left out).
 */
public final class StatementComparison {

    private static final Set<String> LRS_SET = Set.of("stored", "authority", "version", "attachments");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)[.,](\\d{1,2})\\d*S$");

    private StatementComparison() {
    }

    /** True when a and b are the same statement, ignoring what the LRS sets. */
    public static boolean same(JsonObject a, JsonObject b) {
        return comparable(a, b).equals(comparable(b, a));
    }

    private static JsonObject comparable(JsonObject s, JsonObject other) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder();
        for (var e : s.entrySet()) {
            String k = e.getKey();
            if (LRS_SET.contains(k) || ("id".equals(k) && !other.containsKey("id"))
                    || ("timestamp".equals(k) && !other.containsKey("timestamp"))) {
                continue;
            }
            if ("result".equals(k) && e.getValue().getValueType() == JsonValue.ValueType.OBJECT) {
                b.add(k, truncatedDuration(e.getValue().asJsonObject()));
            } else if ("timestamp".equals(k)) {
                b.add(k, ValueFormats.parseTimestamp(s.getString(k)).map(t -> (JsonValue) JsonBuilders.PROVIDER.createValue(
                        t.toInstant().toString())).orElse(e.getValue()));
            } else {
                b.add(k, e.getValue());
            }
        }
        return b.build();
    }

    private static JsonObject truncatedDuration(JsonObject result) {
        if (!result.containsKey("duration") || result.get("duration").getValueType() != JsonValue.ValueType.STRING) {
            return result;
        }
        Matcher m = SECONDS.matcher(result.getString("duration"));
        String d = m.find() ? m.replaceFirst(m.group(1) + "." + (m.group(2) + "0").substring(0, 2) + "S")
                : result.getString("duration");
        return JsonBuilders.PROVIDER.createObjectBuilder(result).add("duration", d).build();
    }
}
