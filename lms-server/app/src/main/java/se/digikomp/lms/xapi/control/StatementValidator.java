package se.digikomp.lms.xapi.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import se.digikomp.lms.xapi.entity.XapiVersion;

/**
 * Checks every MUST of the statement data model (xAPI 1.0.3 Data 2.2-2.4 and 4, xAPI 2.0 4.2). Each violation is a
 * 400 whose message names the offending property by its path, e.g. {@code statement.context.registration}.
 * Section references: "1.0.3 Data x.y" / "2.0 4.2.x".
 */
public final class StatementValidator {

    private static final Set<String> STATEMENT_KEYS = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT_KEYS = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> AGENT_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
            "account");
    private static final Set<String> GROUP_KEYS = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid",
            "account", "member");
    private static final Set<String> ACCOUNT_KEYS = Set.of("homePage", "name");
    private static final Set<String> VERB_KEYS = Set.of("id", "display");
    private static final Set<String> ACTIVITY_KEYS = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION_KEYS = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> COMPONENT_KEYS = Set.of("id", "description");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Map<String, Set<String>> COMPONENTS_BY_TYPE = Map.of(
            "choice", Set.of("choices"), "sequencing", Set.of("choices"), "likert", Set.of("scale"),
            "matching", Set.of("source", "target"), "performance", Set.of("steps"));
    private static final Set<String> STATEMENT_REF_KEYS = Set.of("objectType", "id");
    private static final Set<String> RESULT_KEYS = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE_KEYS = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT_KEYS_V1 = Set.of("registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions");
    private static final Set<String> CONTEXT_KEYS_V2 = Set.of("registration", "instructor", "team",
            "contextActivities", "revision", "platform", "language", "statement", "extensions", "contextAgents",
            "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITIES_KEYS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> CONTEXT_AGENT_KEYS = Set.of("objectType", "agent", "relevantTypes");
    private static final Set<String> CONTEXT_GROUP_KEYS = Set.of("objectType", "group", "relevantTypes");
    private static final Set<String> ATTACHMENT_KEYS = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    private final XapiVersion version;

    public StatementValidator(XapiVersion version) {
        this.version = version;
    }

    /** Validates one statement as received (1.0.3 Data 2.2, 2.0 4.2.1). */
    public void validate(JsonValue value) {
        JsonObject s = object(value, "statement");
        keys(s, STATEMENT_KEYS, "statement");
        if (s.containsKey("id")) {
            uuid(s.get("id"), "statement.id");
        }
        required(s, "actor", "statement");
        required(s, "verb", "statement");
        required(s, "object", "statement");
        actor(s.get("actor"), "statement.actor");
        verb(s.get("verb"), "statement.verb");
        statementObject(s.get("object"), "statement.object", false);
        if (s.containsKey("result")) {
            result(s.get("result"), "statement.result");
        }
        if (s.containsKey("context")) {
            context(s.get("context"), "statement.context", s.getJsonObject("object"));
        }
        if (s.containsKey("timestamp")) {
            timestamp(s.get("timestamp"), "statement.timestamp");
        }
        if (s.containsKey("stored")) {
            timestamp(s.get("stored"), "statement.stored");
        }
        if (s.containsKey("authority")) {
            authority(s.get("authority"), "statement.authority");
        }
        if (s.containsKey("version")) {
            String v = string(s.get("version"), "statement.version");
            // 1.0.3 Data 2.4.10: "1.0" or "1.0.x"; 2.0 4.2.4.3 adds "2.0.x"
            if (!XapiVersion.isValidStatementVersion(v)) {
                throw fail("statement.version", "must be 1.0, 1.0.x, 2.0 or 2.0.x, was '" + v + "'");
            }
        }
        if (s.containsKey("attachments")) {
            attachments(s.get("attachments"), "statement.attachments");
        }
    }

    /** Validates an Agent or Group given as a parameter (1.0.3 Data 2.2.s4.b4: parameters meet statement rules). */
    public void validateActor(JsonValue value, String name) {
        actor(value, name);
    }

    // --- actors: 1.0.3 Data 2.4.2, 2.0 4.2.2.1 ---

    void actor(JsonValue value, String path) {
        JsonObject a = object(value, path);
        String type = a.containsKey("objectType") ? string(a.get("objectType"), path + ".objectType") : "Agent";
        switch (type) {
            case "Agent" -> agent(a, path);
            case "Group" -> group(a, path);
            default -> throw fail(path + ".objectType", "must be 'Agent' or 'Group', was '" + type + "'");
        }
    }

    void agent(JsonValue value, String path) {
        JsonObject a = object(value, path);
        keys(a, AGENT_KEYS, path);
        if (a.containsKey("objectType") && !"Agent".equals(string(a.get("objectType"), path + ".objectType"))) {
            throw fail(path + ".objectType", "must be 'Agent'");
        }
        if (a.containsKey("name")) {
            string(a.get("name"), path + ".name");
        }
        // 1.0.3 Data 2.4.2.1: an Agent MUST be identified by exactly one Inverse Functional Identifier
        if (ifis(a, path) != 1) {
            throw fail(path, "an Agent must have exactly one of mbox, mbox_sha1sum, openid, account");
        }
    }

    void group(JsonValue value, String path) {
        JsonObject g = object(value, path);
        keys(g, GROUP_KEYS, path);
        if (!"Group".equals(string(g.get("objectType"), path + ".objectType"))) {
            throw fail(path + ".objectType", "must be 'Group'");
        }
        if (g.containsKey("name")) {
            string(g.get("name"), path + ".name");
        }
        int ifis = ifis(g, path);
        // 1.0.3 Data 2.4.2.2: at most one IFI; an anonymous Group MUST have members
        if (ifis > 1) {
            throw fail(path, "a Group must not have more than one of mbox, mbox_sha1sum, openid, account");
        }
        if (ifis == 0 && !g.containsKey("member")) {
            throw fail(path + ".member", "an anonymous Group must list its members");
        }
        if (g.containsKey("member")) {
            JsonArray members = array(g.get("member"), path + ".member");
            if (ifis == 0 && members.isEmpty()) {
                throw fail(path + ".member", "an anonymous Group must have at least one member");
            }
            for (int i = 0; i < members.size(); i++) {
                String p = path + ".member[" + i + "]";
                JsonObject m = object(members.get(i), p);
                // 1.0.3 Data 2.4.2.2: "member" lists Agents only, never Groups
                if (m.containsKey("objectType") && !"Agent".equals(string(m.get("objectType"), p + ".objectType"))) {
                    throw fail(p + ".objectType", "a Group's members must be Agents");
                }
                agent(m, p);
            }
        }
    }

    private int ifis(JsonObject a, String path) {
        int count = 0;
        if (a.containsKey("mbox")) {
            count++;
            String mbox = string(a.get("mbox"), path + ".mbox");
            // 1.0.3 Data 2.4.2.3: mbox is a mailto IRI
            if (!ValueFormats.isMailto(mbox)) {
                throw fail(path + ".mbox", "must be a mailto IRI such as 'mailto:name@example.com'");
            }
        }
        if (a.containsKey("mbox_sha1sum")) {
            count++;
            if (!ValueFormats.isSha1Hex(string(a.get("mbox_sha1sum"), path + ".mbox_sha1sum"))) {
                throw fail(path + ".mbox_sha1sum", "must be a hex-encoded SHA-1 hash");
            }
        }
        if (a.containsKey("openid")) {
            count++;
            iri(a.get("openid"), path + ".openid");
        }
        if (a.containsKey("account")) {
            count++;
            String p = path + ".account";
            JsonObject account = object(a.get("account"), p);
            keys(account, ACCOUNT_KEYS, p);
            required(account, "homePage", p);
            required(account, "name", p);
            iri(account.get("homePage"), p + ".homePage");
            string(account.get("name"), p + ".name");
        }
        return count;
    }

    // 1.0.3 Data 2.4.9, 2.0 4.2.4.2: authority is an Agent, or a Group of exactly two Agents (OAuth consumer + user)
    void authority(JsonValue value, String path) {
        JsonObject a = object(value, path);
        actor(a, path);
        if ("Group".equals(a.getString("objectType", "Agent"))) {
            if (ifis(a, path) != 0) {
                throw fail(path, "an authority Group is the anonymous pair of OAuth consumer and user, it has no"
                        + " identifier of its own");
            }
            JsonArray members = a.getJsonArray("member");
            if (members == null || members.size() != 2) {
                throw fail(path + ".member", "an authority Group must have exactly two Agents");
            }
        }
    }

    // --- verb: 1.0.3 Data 2.4.3, 2.0 4.2.2.2 ---

    void verb(JsonValue value, String path) {
        JsonObject v = object(value, path);
        keys(v, VERB_KEYS, path);
        required(v, "id", path);
        iri(v.get("id"), path + ".id");
        if (v.containsKey("display")) {
            languageMap(v.get("display"), path + ".display");
        }
    }

    // --- object: 1.0.3 Data 2.4.4, 2.0 4.2.2.3 ---

    void statementObject(JsonValue value, String path, boolean inSubStatement) {
        JsonObject o = object(value, path);
        String type = o.containsKey("objectType") ? string(o.get("objectType"), path + ".objectType") : "Activity";
        switch (type) {
            case "Activity" -> activity(o, path);
            case "Agent" -> agent(o, path);
            case "Group" -> group(o, path);
            case "StatementRef" -> statementRef(o, path);
            case "SubStatement" -> {
                // 1.0.3 Data 2.4.4.3: a SubStatement MUST NOT contain a SubStatement
                if (inSubStatement) {
                    throw fail(path + ".objectType", "a SubStatement must not contain a SubStatement");
                }
                subStatement(o, path);
            }
            default -> throw fail(path + ".objectType",
                    "must be one of Activity, Agent, Group, StatementRef, SubStatement, was '" + type + "'");
        }
    }

    void activity(JsonValue value, String path) {
        JsonObject a = object(value, path);
        keys(a, ACTIVITY_KEYS, path);
        if (a.containsKey("objectType") && !"Activity".equals(string(a.get("objectType"), path + ".objectType"))) {
            throw fail(path + ".objectType", "must be 'Activity'");
        }
        required(a, "id", path);
        iri(a.get("id"), path + ".id");
        if (a.containsKey("definition")) {
            definition(a.get("definition"), path + ".definition");
        }
    }

    private void definition(JsonValue value, String path) {
        JsonObject d = object(value, path);
        keys(d, DEFINITION_KEYS, path);
        if (d.containsKey("name")) {
            languageMap(d.get("name"), path + ".name");
        }
        if (d.containsKey("description")) {
            languageMap(d.get("description"), path + ".description");
        }
        if (d.containsKey("type")) {
            iri(d.get("type"), path + ".type");
        }
        if (d.containsKey("moreInfo")) {
            iri(d.get("moreInfo"), path + ".moreInfo");
        }
        if (d.containsKey("extensions")) {
            extensions(d.get("extensions"), path + ".extensions");
        }
        String interactionType = null;
        if (d.containsKey("interactionType")) {
            interactionType = string(d.get("interactionType"), path + ".interactionType");
            if (!INTERACTION_TYPES.contains(interactionType)) {
                throw fail(path + ".interactionType", "must be one of " + INTERACTION_TYPES);
            }
        }
        if (d.containsKey("correctResponsesPattern")) {
            // 1.0.3 Data 2.4.4.1.s8 / 2.0 4.2.2.3: correctResponsesPattern only with an interactionType
            if (interactionType == null) {
                throw fail(path + ".correctResponsesPattern", "needs an interactionType");
            }
            JsonArray patterns = array(d.get("correctResponsesPattern"), path + ".correctResponsesPattern");
            for (int i = 0; i < patterns.size(); i++) {
                string(patterns.get(i), path + ".correctResponsesPattern[" + i + "]");
            }
        }
        for (String list : COMPONENT_LISTS) {
            if (!d.containsKey(list)) {
                continue;
            }
            // 1.0.3 Data 2.4.4.1: interaction components only with an interactionType that uses them
            if (interactionType == null) {
                throw fail(path + "." + list, "interaction components need an interactionType");
            }
            if (!COMPONENTS_BY_TYPE.getOrDefault(interactionType, Set.of()).contains(list)) {
                throw fail(path + "." + list, "is not allowed with interactionType '" + interactionType + "'");
            }
            JsonArray components = array(d.get(list), path + "." + list);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < components.size(); i++) {
                String p = path + "." + list + "[" + i + "]";
                JsonObject c = object(components.get(i), p);
                keys(c, COMPONENT_KEYS, p);
                required(c, "id", p);
                String id = string(c.get("id"), p + ".id");
                // 1.0.3 Data 2.4.4.1.s12: ids within one component list MUST be distinct
                if (!ids.add(id)) {
                    throw fail(p + ".id", "interaction component ids must be unique, '" + id + "' repeats");
                }
                if (c.containsKey("description")) {
                    languageMap(c.get("description"), p + ".description");
                }
            }
        }
    }

    private void statementRef(JsonObject o, String path) {
        keys(o, STATEMENT_REF_KEYS, path);
        required(o, "id", path);
        uuid(o.get("id"), path + ".id");
    }

    private void subStatement(JsonObject s, String path) {
        // 1.0.3 Data 2.4.4.3: a SubStatement MUST NOT have "id", "stored", "version" or "authority"
        for (String forbidden : new String[] {"id", "stored", "version", "authority"}) {
            if (s.containsKey(forbidden)) {
                throw fail(path + "." + forbidden, "is not allowed in a SubStatement");
            }
        }
        keys(s, SUB_STATEMENT_KEYS, path);
        required(s, "actor", path);
        required(s, "verb", path);
        required(s, "object", path);
        actor(s.get("actor"), path + ".actor");
        verb(s.get("verb"), path + ".verb");
        statementObject(s.get("object"), path + ".object", true);
        if (s.containsKey("result")) {
            result(s.get("result"), path + ".result");
        }
        if (s.containsKey("context")) {
            context(s.get("context"), path + ".context", s.getJsonObject("object"));
        }
        if (s.containsKey("timestamp")) {
            timestamp(s.get("timestamp"), path + ".timestamp");
        }
        if (s.containsKey("attachments")) {
            attachments(s.get("attachments"), path + ".attachments");
        }
    }

    // --- result: 1.0.3 Data 2.4.5, 2.0 4.2.2.4 ---

    void result(JsonValue value, String path) {
        JsonObject r = object(value, path);
        keys(r, RESULT_KEYS, path);
        if (r.containsKey("score")) {
            score(r.get("score"), path + ".score");
        }
        if (r.containsKey("success")) {
            bool(r.get("success"), path + ".success");
        }
        if (r.containsKey("completion")) {
            bool(r.get("completion"), path + ".completion");
        }
        if (r.containsKey("response")) {
            string(r.get("response"), path + ".response");
        }
        if (r.containsKey("duration")) {
            // 1.0.3 Data 4.6: ISO 8601 duration
            if (!ValueFormats.isDuration(string(r.get("duration"), path + ".duration"))) {
                throw fail(path + ".duration", "must be an ISO 8601 duration such as PT1H30M");
            }
        }
        if (r.containsKey("extensions")) {
            extensions(r.get("extensions"), path + ".extensions");
        }
    }

    private void score(JsonValue value, String path) {
        JsonObject s = object(value, path);
        keys(s, SCORE_KEYS, path);
        BigDecimal scaled = s.containsKey("scaled") ? number(s.get("scaled"), path + ".scaled") : null;
        BigDecimal raw = s.containsKey("raw") ? number(s.get("raw"), path + ".raw") : null;
        BigDecimal min = s.containsKey("min") ? number(s.get("min"), path + ".min") : null;
        BigDecimal max = s.containsKey("max") ? number(s.get("max"), path + ".max") : null;
        // 1.0.3 Data 2.4.5.1: -1 <= scaled <= 1, min < max, min <= raw <= max
        if (scaled != null && (scaled.compareTo(BigDecimal.ONE.negate()) < 0 || scaled.compareTo(BigDecimal.ONE) > 0)) {
            throw fail(path + ".scaled", "must be between -1 and 1");
        }
        if (min != null && max != null && min.compareTo(max) >= 0) {
            throw fail(path + ".min", "must be less than max");
        }
        if (raw != null && min != null && raw.compareTo(min) < 0) {
            throw fail(path + ".raw", "must not be less than min");
        }
        if (raw != null && max != null && raw.compareTo(max) > 0) {
            throw fail(path + ".raw", "must not be greater than max");
        }
    }

    // --- context: 1.0.3 Data 2.4.6, 2.0 4.2.2.5 ---

    void context(JsonValue value, String path, JsonObject statementObject) {
        JsonObject c = object(value, path);
        keys(c, version.isV2() ? CONTEXT_KEYS_V2 : CONTEXT_KEYS_V1, path);
        if (c.containsKey("registration")) {
            uuid(c.get("registration"), path + ".registration");
        }
        if (c.containsKey("instructor")) {
            actor(c.get("instructor"), path + ".instructor");
        }
        if (c.containsKey("team")) {
            group(c.get("team"), path + ".team");
        }
        if (c.containsKey("contextActivities")) {
            String p = path + ".contextActivities";
            JsonObject ca = object(c.get("contextActivities"), p);
            keys(ca, CONTEXT_ACTIVITIES_KEYS, p);
            for (Map.Entry<String, JsonValue> e : ca.entrySet()) {
                String q = p + "." + e.getKey();
                if (e.getValue().getValueType() == JsonValue.ValueType.ARRAY) {
                    JsonArray list = e.getValue().asJsonArray();
                    for (int i = 0; i < list.size(); i++) {
                        activity(list.get(i), q + "[" + i + "]");
                    }
                } else {
                    activity(e.getValue(), q);
                }
            }
        }
        boolean objectIsActivity = statementObject == null
                || "Activity".equals(statementObject.getString("objectType", "Activity"));
        if (c.containsKey("revision")) {
            string(c.get("revision"), path + ".revision");
            // 1.0.3 Data 2.4.6: revision MUST only be used if the Statement's Object is an Activity
            if (!objectIsActivity) {
                throw fail(path + ".revision", "is only allowed when the object is an Activity");
            }
        }
        if (c.containsKey("platform")) {
            string(c.get("platform"), path + ".platform");
            if (!objectIsActivity) {
                throw fail(path + ".platform", "is only allowed when the object is an Activity");
            }
        }
        if (c.containsKey("language")) {
            if (!ValueFormats.isLanguageTag(string(c.get("language"), path + ".language"))) {
                throw fail(path + ".language", "must be an RFC 5646 language tag");
            }
        }
        if (c.containsKey("statement")) {
            String p = path + ".statement";
            JsonObject ref = object(c.get("statement"), p);
            if (!"StatementRef".equals(ref.containsKey("objectType") ? string(ref.get("objectType"), p + ".objectType")
                    : null)) {
                throw fail(p + ".objectType", "must be 'StatementRef'");
            }
            statementRef(ref, p);
        }
        if (c.containsKey("extensions")) {
            extensions(c.get("extensions"), path + ".extensions");
        }
        // 2.0 4.2.2.5: contextAgents and contextGroups
        if (c.containsKey("contextAgents")) {
            contextAgents(c.get("contextAgents"), path + ".contextAgents", "contextAgent", "agent",
                    CONTEXT_AGENT_KEYS);
        }
        if (c.containsKey("contextGroups")) {
            contextAgents(c.get("contextGroups"), path + ".contextGroups", "contextGroup", "group",
                    CONTEXT_GROUP_KEYS);
        }
    }

    private void contextAgents(JsonValue value, String path, String objectType, String member, Set<String> allowed) {
        JsonArray list = array(value, path);
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonObject ca = object(list.get(i), p);
            keys(ca, allowed, p);
            required(ca, "objectType", p);
            if (!objectType.equals(string(ca.get("objectType"), p + ".objectType"))) {
                throw fail(p + ".objectType", "must be '" + objectType + "'");
            }
            required(ca, member, p);
            if ("agent".equals(member)) {
                agent(ca.get(member), p + "." + member);
            } else {
                group(ca.get(member), p + "." + member);
            }
            if (ca.containsKey("relevantTypes")) {
                JsonArray types = array(ca.get("relevantTypes"), p + ".relevantTypes");
                if (types.isEmpty()) {
                    throw fail(p + ".relevantTypes", "must not be empty");
                }
                for (int j = 0; j < types.size(); j++) {
                    iri(types.get(j), p + ".relevantTypes[" + j + "]");
                }
            }
        }
    }

    // --- attachments: 1.0.3 Data 2.4.11, 2.0 4.2.2.6 ---

    void attachments(JsonValue value, String path) {
        JsonArray list = array(value, path);
        for (int i = 0; i < list.size(); i++) {
            String p = path + "[" + i + "]";
            JsonObject a = object(list.get(i), p);
            keys(a, ATTACHMENT_KEYS, p);
            for (String key : new String[] {"usageType", "display", "contentType", "length", "sha2"}) {
                required(a, key, p);
            }
            iri(a.get("usageType"), p + ".usageType");
            languageMap(a.get("display"), p + ".display");
            if (a.containsKey("description")) {
                languageMap(a.get("description"), p + ".description");
            }
            if (!ValueFormats.isMediaType(string(a.get("contentType"), p + ".contentType"))) {
                throw fail(p + ".contentType", "must be an Internet Media Type");
            }
            BigDecimal length = number(a.get("length"), p + ".length");
            if (length.signum() < 0 || length.stripTrailingZeros().scale() > 0) {
                throw fail(p + ".length", "must be a non-negative integer");
            }
            String sha2 = string(a.get("sha2"), p + ".sha2");
            if (!ValueFormats.isSha2Hex(sha2)) {
                throw fail(p + ".sha2", "must be a hex-encoded SHA-2 hash");
            }
            if (a.containsKey("fileUrl")) {
                iri(a.get("fileUrl"), p + ".fileUrl");
            }
        }
    }

    // --- shared value checks: 1.0.3 Data 2.2 and 4 ---

    void timestamp(JsonValue value, String path) {
        // 1.0.3 Data 4.5 / 2.0 4.2.7: ISO 8601 (RFC 3339), never the -00:00 offset
        if (ValueFormats.parseTimestamp(string(value, path)).isEmpty()) {
            throw fail(path, "must be an ISO 8601 timestamp such as 2026-01-31T12:00:00.000Z");
        }
    }

    void languageMap(JsonValue value, String path) {
        JsonObject map = object(value, path);
        for (Map.Entry<String, JsonValue> e : map.entrySet()) {
            // 1.0.3 Data 4.2: keys are RFC 5646 language tags, values strings
            if (!ValueFormats.isLanguageTag(e.getKey())) {
                throw fail(path, "'" + e.getKey() + "' is not an RFC 5646 language tag");
            }
            string(e.getValue(), path + "." + e.getKey());
        }
    }

    void extensions(JsonValue value, String path) {
        JsonObject ext = object(value, path);
        // 1.0.3 Data 4.1: extension keys are IRIs; values may be any JSON value, null included
        for (String key : ext.keySet()) {
            if (!ValueFormats.isIri(key)) {
                throw fail(path, "extension key '" + key + "' is not an IRI");
            }
        }
    }

    private void iri(JsonValue value, String path) {
        String s = string(value, path);
        // 1.0.3 Data 2.2.s4.b1.b8: IRIs and IRLs carry a scheme
        if (!ValueFormats.isIri(s)) {
            throw fail(path, "must be an absolute IRI with a scheme, was '" + s + "'");
        }
    }

    private void uuid(JsonValue value, String path) {
        String s = string(value, path);
        if (!ValueFormats.isUuid(s)) {
            throw fail(path, "must be a UUID, was '" + s + "'");
        }
    }

    private static void required(JsonObject o, String key, String path) {
        if (!o.containsKey(key)) {
            throw fail(path + "." + key, "is required");
        }
    }

    /** 1.0.3 Data 2.2.s4.b1: unknown properties are rejected (keys are case-sensitive). */
    private static void keys(JsonObject o, Set<String> allowed, String path) {
        for (String key : o.keySet()) {
            if (!allowed.contains(key)) {
                throw fail(path + "." + key, "is not a property of this object");
            }
        }
    }

    private static JsonObject object(JsonValue value, String path) {
        nonNull(value, path);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw fail(path, "must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonArray array(JsonValue value, String path) {
        nonNull(value, path);
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw fail(path, "must be a JSON array");
        }
        return value.asJsonArray();
    }

    private static String string(JsonValue value, String path) {
        nonNull(value, path);
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw fail(path, "must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static BigDecimal number(JsonValue value, String path) {
        nonNull(value, path);
        if (value.getValueType() != JsonValue.ValueType.NUMBER) {
            throw fail(path, "must be a number");
        }
        return ((JsonNumber) value).bigDecimalValue();
    }

    private static void bool(JsonValue value, String path) {
        nonNull(value, path);
        if (value.getValueType() != JsonValue.ValueType.TRUE && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw fail(path, "must be true or false");
        }
    }

    // 1.0.3 Data 2.2.s4.b1.b1: no property may be null, except inside extensions
    private static void nonNull(JsonValue value, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw fail(path, "must not be null");
        }
    }

    static XapiException fail(String path, String problem) {
        return XapiException.badRequest(path + ": " + problem);
    }
}
