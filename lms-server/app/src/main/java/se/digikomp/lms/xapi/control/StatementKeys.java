package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import se.digikomp.lms.xapi.entity.KeyKind;

/**
 * Computes, at write time, every value a statement query can filter on (xAPI 1.0.3 Communication 2.1.3 "agent",
 * "verb", "activity", "registration", "related_activities", "related_agents"), so that reads are index look-ups
 * instead of JSON scans. Each key is 16 bytes: the first half of a SHA-256 of the value (the registration's UUID
 * bytes for registrations).
 */
public final class StatementKeys {

    /** One indexed value. */
    public record Key(KeyKind kind, byte[] hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.kind == kind && Arrays.equals(k.hash, hash);
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + Arrays.hashCode(hash);
        }
    }

    private StatementKeys() {
    }

    public static Set<Key> of(JsonObject statement) {
        Set<Key> keys = new LinkedHashSet<>();
        add(keys, KeyKind.VERB, statement.getJsonObject("verb").getString("id"));
        collect(statement, keys, true);
        JsonObject authority = statement.getJsonObject("authority");
        if (authority != null) {
            relatedAgent(authority, keys);
        }
        return keys;
    }

    private static void collect(JsonObject s, Set<Key> keys, boolean topLevel) {
        JsonObject actor = s.getJsonObject("actor");
        if (topLevel) {
            directAgent(actor, keys);
        }
        relatedAgent(actor, keys);
        JsonObject object = s.getJsonObject("object");
        String type = object.getString("objectType", "Activity");
        switch (type) {
            case "Activity" -> {
                if (topLevel) {
                    add(keys, KeyKind.ACTIVITY, object.getString("id"));
                }
                add(keys, KeyKind.RELATED_ACTIVITY, object.getString("id"));
            }
            case "Agent", "Group" -> {
                if (topLevel) {
                    directAgent(object, keys);
                }
                relatedAgent(object, keys);
            }
            case "SubStatement" -> collect(object, keys, false);
            default -> {
                // StatementRef: the target's keys are added by the store (1.0.3 Communication 2.1.4)
            }
        }
        JsonObject context = s.getJsonObject("context");
        if (context == null) {
            return;
        }
        if (topLevel && context.containsKey("registration")) {
            keys.add(new Key(KeyKind.REGISTRATION, uuidBytes(context.getString("registration"))));
        }
        for (String role : new String[] {"instructor", "team"}) {
            if (context.containsKey(role)) {
                relatedAgent(context.getJsonObject(role), keys);
            }
        }
        JsonArray contextAgents = context.getJsonArray("contextAgents");
        if (contextAgents != null) {
            for (JsonValue ca : contextAgents) {
                relatedAgent(ca.asJsonObject().getJsonObject("agent"), keys);
            }
        }
        JsonArray contextGroups = context.getJsonArray("contextGroups");
        if (contextGroups != null) {
            for (JsonValue cg : contextGroups) {
                relatedAgent(cg.asJsonObject().getJsonObject("group"), keys);
            }
        }
        JsonObject contextActivities = context.getJsonObject("contextActivities");
        if (contextActivities != null) {
            for (JsonValue list : contextActivities.values()) {
                if (list.getValueType() == JsonValue.ValueType.ARRAY) {
                    for (JsonValue a : list.asJsonArray()) {
                        add(keys, KeyKind.RELATED_ACTIVITY, a.asJsonObject().getString("id"));
                    }
                } else {
                    add(keys, KeyKind.RELATED_ACTIVITY, list.asJsonObject().getString("id"));
                }
            }
        }
    }

    private static void directAgent(JsonObject agent, Set<Key> keys) {
        Agents.ifiKey(agent).ifPresent(k -> add(keys, KeyKind.AGENT, k));
    }

    private static void relatedAgent(JsonObject agent, Set<Key> keys) {
        Agents.ifiKey(agent).ifPresent(k -> add(keys, KeyKind.RELATED_AGENT, k));
        JsonArray members = agent.getJsonArray("member");
        if (members != null) {
            for (JsonValue m : members) {
                Agents.ifiKey(m.asJsonObject()).ifPresent(k -> add(keys, KeyKind.RELATED_AGENT, k));
            }
        }
    }

    private static void add(Set<Key> keys, KeyKind kind, String value) {
        keys.add(new Key(kind, hash(value)));
    }

    /** The 16-byte key of a value (IRI, IFI key). */
    public static byte[] hash(String value) {
        return Arrays.copyOf(SHA_256.get().digest(value.getBytes(StandardCharsets.UTF_8)), 16);
    }

    /** A digest per thread: looking the algorithm up costs more than hashing a short IRI. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static byte[] uuidBytes(String uuid) {
        java.util.UUID u = java.util.UUID.fromString(uuid);
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
    }
}
