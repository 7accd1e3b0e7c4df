package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The "format" parameter of GET /statements (xAPI 1.0.3 Communication 2.1.3, 2.0 4.1.6.1): "exact" returns the
 * statement as stored; "ids" keeps only identifiers of Agents, Groups (members of anonymous Groups), Activities and
 * Verbs; "canonical" keeps one language of every language map, chosen by Accept-Language.
 */
public final class StatementFormatter {

    private static final Set<String> LANGUAGE_MAPS = Set.of("display", "name", "description");

    private StatementFormatter() {
    }

    public static JsonObject ids(JsonObject s) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder();
        for (var e : s.entrySet()) {
            switch (e.getKey()) {
                case "actor", "authority" -> b.add(e.getKey(), Agents.idsOnly(e.getValue().asJsonObject()));
                case "verb" -> b.add("verb", JsonBuilders.PROVIDER.createObjectBuilder().add("id", s.getJsonObject("verb").get("id")));
                case "object" -> b.add("object", idsObject(e.getValue().asJsonObject()));
                case "context" -> b.add("context", idsContext(e.getValue().asJsonObject()));
                default -> b.add(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    private static JsonObject idsObject(JsonObject o) {
        String type = o.getString("objectType", "Activity");
        return switch (type) {
            case "Agent", "Group" -> Agents.idsOnly(o);
            case "SubStatement" -> ids(o);
            case "StatementRef" -> o;
            default -> JsonBuilders.PROVIDER.createObjectBuilder().add("id", o.get("id")).build();
        };
    }

    private static JsonObject idsContext(JsonObject c) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder(c);
        for (String role : new String[] {"instructor", "team"}) {
            if (c.containsKey(role)) {
                b.add(role, Agents.idsOnly(c.getJsonObject(role)));
            }
        }
        JsonObject ca = c.getJsonObject("contextActivities");
        if (ca != null) {
            JsonObjectBuilder cab = JsonBuilders.PROVIDER.createObjectBuilder();
            for (var e : ca.entrySet()) {
                if (e.getValue().getValueType() == JsonValue.ValueType.ARRAY) {
                    JsonArrayBuilder list = JsonBuilders.PROVIDER.createArrayBuilder();
                    for (JsonValue a : e.getValue().asJsonArray()) {
                        list.add(idsObject(a.asJsonObject()));
                    }
                    cab.add(e.getKey(), list);
                } else {
                    cab.add(e.getKey(), idsObject(e.getValue().asJsonObject()));
                }
            }
            b.add("contextActivities", cab);
        }
        return b.build();
    }

    /** Canonical: every language map reduced to the language the client prefers (or the map's first one). */
    public static JsonObject canonical(JsonObject s, List<String> preferred) {
        return (JsonObject) reduce(s, preferred, null);
    }

    private static JsonValue reduce(JsonValue v, List<String> preferred, String key) {
        switch (v.getValueType()) {
            case OBJECT -> {
                JsonObject o = v.asJsonObject();
                if (key != null && LANGUAGE_MAPS.contains(key) && isLanguageMap(o)) {
                    return oneLanguage(o, preferred);
                }
                if ("extensions".equals(key)) {
                    return o;
                }
                JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder();
                for (var e : o.entrySet()) {
                    b.add(e.getKey(), reduce(e.getValue(), preferred, e.getKey()));
                }
                return b.build();
            }
            case ARRAY -> {
                JsonArrayBuilder b = JsonBuilders.PROVIDER.createArrayBuilder();
                for (JsonValue item : v.asJsonArray()) {
                    b.add(reduce(item, preferred, null));
                }
                return b.build();
            }
            default -> {
                return v;
            }
        }
    }

    private static boolean isLanguageMap(JsonObject o) {
        return o.values().stream().allMatch(x -> x.getValueType() == JsonValue.ValueType.STRING);
    }

    private static JsonObject oneLanguage(JsonObject map, List<String> preferred) {
        if (map.isEmpty()) {
            return map;
        }
        String chosen = null;
        for (String p : preferred) {
            for (String tag : map.keySet()) {
                if (tag.equalsIgnoreCase(p)) {
                    chosen = tag;
                    break;
                }
            }
            if (chosen == null) {
                String primary = p.split("-")[0];
                for (String tag : map.keySet()) {
                    if (tag.split("-")[0].equalsIgnoreCase(primary)) {
                        chosen = tag;
                        break;
                    }
                }
            }
            if (chosen != null) {
                break;
            }
        }
        if (chosen == null) {
            chosen = map.keySet().iterator().next();
        }
        return JsonBuilders.PROVIDER.createObjectBuilder().add(chosen, map.get(chosen)).build();
    }

    /** Languages of an Accept-Language header, most preferred first ("*" and q=0 dropped). */
    public static List<String> acceptLanguages(String header) {
        List<String[]> weighted = new ArrayList<>();
        if (header == null) {
            return List.of();
        }
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim();
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (!tag.isEmpty() && !tag.equals("*") && q > 0) {
                weighted.add(new String[] {tag, Double.toString(q)});
            }
        }
        weighted.sort(Comparator.comparingDouble((String[] w) -> -Double.parseDouble(w[1])));
        return weighted.stream().map(w -> w[0]).toList();
    }
}
