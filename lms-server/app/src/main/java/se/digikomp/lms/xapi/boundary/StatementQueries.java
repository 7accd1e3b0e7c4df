package se.digikomp.lms.xapi.boundary;

import se.digikomp.lms.xapi.control.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.xapi.control.Agents;
import se.digikomp.lms.xapi.control.Multipart;
import se.digikomp.lms.xapi.control.StatementFormatter;
import se.digikomp.lms.xapi.control.StatementKeys;
import se.digikomp.lms.xapi.control.StatementStore;
import se.digikomp.lms.xapi.control.ValueFormats;
import se.digikomp.lms.xapi.control.XapiException;
import se.digikomp.lms.xapi.entity.KeyKind;
import se.digikomp.lms.xapi.entity.LrsClient;
import se.digikomp.lms.xapi.entity.Part;
import se.digikomp.lms.xapi.entity.StatementQuery;
import se.digikomp.lms.xapi.entity.StoredStatement;
import se.digikomp.lms.xapi.entity.XapiVersion;

/** GET /xapi/statements: single statements and queries (xAPI 1.0.3 Communication 2.1.3-2.1.4, 2.0 4.1.6.1). */
@ApplicationScoped
public class StatementQueries {

    private static final Set<String> QUERY_PARAMS = Set.of("statementId", "voidedStatementId", "agent", "verb",
            "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
            "attachments", "ascending", "more");
    private static final Set<String> SINGLE_PARAMS = Set.of("statementId", "voidedStatementId", "format",
            "attachments");

    @Inject
    StatementStore store;

    @Inject
    @ConfigProperty(name = "lms.xapi.max-page-size", defaultValue = "500")
    int maxPageSize;

    public XapiResponse get(XapiRequest r, XapiVersion version, LrsClient client, String basePath) {
        if (!client.mayReadOwnStatements()) {
            throw XapiException.forbidden("this credential may not read statements (scope statements/read)");
        }
        Map<String, String> params = r.params();
        for (String p : params.keySet()) {
            if (!QUERY_PARAMS.contains(p)) {
                throw XapiException.badRequest(p + ": not a parameter of GET /statements");
            }
        }
        String format = params.getOrDefault("format", "exact");
        if (!Set.of("exact", "ids", "canonical").contains(format)) {
            throw XapiException.badRequest("format: must be exact, ids or canonical, was '" + format + "'");
        }
        boolean attachments = bool(params, "attachments");
        List<String> languages = StatementFormatter.acceptLanguages(r.header("accept-language"));
        Optional<Long> onlyClient = client.mayReadAllStatements() ? Optional.empty() : Optional.of(client.id());
        if (params.containsKey("statementId") || params.containsKey("voidedStatementId")) {
            return single(params, client, onlyClient, format, attachments, languages);
        }
        Map<String, String> effective = params;
        Optional<Long> after = Optional.empty();
        if (params.containsKey("more")) {
            if (params.size() > 1) {
                throw XapiException.badRequest("more: a more link is followed as given, without other parameters");
            }
            Cursor cursor = Cursor.decode(params.get("more"));
            effective = XapiRequest.parseQuery(cursor.query());
            after = Optional.of(cursor.afterSeq());
            format = effective.getOrDefault("format", "exact");
            attachments = bool(effective, "attachments");
        }
        StatementQuery q = query(effective, after, onlyClient);
        List<StoredStatement> rows = store.query(client.organisationId(), q);
        boolean hasMore = rows.size() > q.limit();
        if (hasMore) {
            rows = rows.subList(0, q.limit());
        }
        StringBuilder json = new StringBuilder("{\"statements\":[");
        List<JsonObject> forAttachments = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            String doc = rows.get(i).document();
            if (!format.equals("exact") || attachments) {
                JsonObject parsed = formatted(doc, format, languages);
                forAttachments.add(parsed);
                doc = parsed.toString();
            }
            json.append(doc);
        }
        json.append("],\"more\":\"");
        if (hasMore) {
            String query = cursorQuery(effective);
            json.append(basePath).append("/statements?more=")
                    .append(new Cursor(query, rows.get(rows.size() - 1).seq()).encode());
        }
        json.append("\"}");
        XapiResponse response = attachments ? withAttachments(client, json.toString(), forAttachments)
                : XapiResponse.jsonText(json.toString());
        if (!rows.isEmpty()) {
            Instant latest = rows.stream().map(StoredStatement::stored).max(Instant::compareTo).orElseThrow();
            response.with("Last-Modified", XapiServlet.httpDate(latest));
        }
        return response;
    }

    private XapiResponse single(Map<String, String> params, LrsClient client, Optional<Long> onlyClient,
            String format, boolean attachments, List<String> languages) {
        boolean voided = params.containsKey("voidedStatementId");
        if (voided && params.containsKey("statementId")) {
            throw XapiException.badRequest("statementId: cannot be combined with voidedStatementId");
        }
        for (String p : params.keySet()) {
            // 1.0.3 Communication 2.1.3: with statementId / voidedStatementId only format and attachments
            if (!SINGLE_PARAMS.contains(p)) {
                throw XapiException.badRequest(p + ": cannot be combined with "
                        + (voided ? "voidedStatementId" : "statementId"));
            }
        }
        String name = voided ? "voidedStatementId" : "statementId";
        String id = params.get(name);
        if (!ValueFormats.isUuid(id)) {
            throw XapiException.badRequest(name + ": must be a UUID, was '" + id + "'");
        }
        Optional<StoredStatement> found = store.byId(client.organisationId(), id.toLowerCase());
        // 1.0.3 Communication 2.1.4: a voided statement only through voidedStatementId, and only then
        if (found.isEmpty() || found.get().voided() != voided) {
            throw XapiException.notFound("no " + (voided ? "voided " : "") + "statement with id " + id);
        }
        if (onlyClient.isPresent() && !onlyClient.equals(store.storedBy(client.organisationId(), id.toLowerCase()))) {
            throw XapiException.notFound("no statement with id " + id);
        }
        StoredStatement s = found.get();
        XapiResponse response;
        if (format.equals("exact") && !attachments) {
            response = XapiResponse.jsonText(s.document());
        } else {
            JsonObject parsed = formatted(s.document(), format, languages);
            response = attachments ? withAttachments(client, parsed.toString(), List.of(parsed))
                    : XapiResponse.jsonText(parsed.toString());
        }
        return response.with("Last-Modified", XapiServlet.httpDate(s.stored()));
    }

    private XapiResponse withAttachments(LrsClient client, String json, List<JsonObject> statements) {
        Set<String> hashes = new LinkedHashSet<>();
        for (JsonObject s : statements) {
            JsonArray list = s.getJsonArray("attachments");
            if (list != null) {
                for (JsonValue a : list) {
                    hashes.add(a.asJsonObject().getString("sha2").toLowerCase());
                }
            }
        }
        Map<String, StatementStore.AttachmentContent> contents = store.attachments(client.organisationId(), hashes);
        List<Part> parts = new ArrayList<>();
        parts.add(new Part(Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8)));
        for (String h : hashes) {
            StatementStore.AttachmentContent c = contents.get(h);
            if (c != null) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", c.contentType());
                headers.put("Content-Transfer-Encoding", "binary");
                headers.put("X-Experience-API-Hash", c.sha2());
                parts.add(new Part(headers, c.content()));
            }
        }
        String boundary = "xapi-" + UUID.randomUUID();
        return XapiResponse.bytes("multipart/mixed; boundary=" + boundary, Multipart.write(parts, boundary));
    }

    private static JsonObject formatted(String doc, String format, List<String> languages) {
        JsonObject s = JsonBuilders.PROVIDER.createReader(new StringReader(doc)).readObject();
        return switch (format) {
            case "ids" -> StatementFormatter.ids(s);
            case "canonical" -> StatementFormatter.canonical(s, languages);
            default -> s;
        };
    }

    private StatementQuery query(Map<String, String> p, Optional<Long> after, Optional<Long> onlyClient) {
        for (String name : p.keySet()) {
            if (!QUERY_PARAMS.contains(name) || SINGLE_PARAMS.contains(name) && !name.equals("format")
                    && !name.equals("attachments") || name.equals("more")) {
                throw XapiException.badRequest(name + ": not allowed in a statement query");
            }
        }
        List<StatementQuery.KeyFilter> keys = new ArrayList<>();
        boolean relatedAgents = bool(p, "related_agents");
        boolean relatedActivities = bool(p, "related_activities");
        if (p.containsKey("agent")) {
            JsonObject agent = agentParameter(p.get("agent"), "agent");
            String key = Agents.ifiKey(agent).orElseThrow(() -> XapiException.badRequest(
                    "agent: must be an Agent or identified Group"));
            keys.add(new StatementQuery.KeyFilter(relatedAgents ? KeyKind.RELATED_AGENT : KeyKind.AGENT,
                    StatementKeys.hash(key)));
        }
        if (p.containsKey("verb")) {
            iri(p.get("verb"), "verb");
            keys.add(new StatementQuery.KeyFilter(KeyKind.VERB, StatementKeys.hash(p.get("verb"))));
        }
        if (p.containsKey("activity")) {
            iri(p.get("activity"), "activity");
            keys.add(new StatementQuery.KeyFilter(relatedActivities ? KeyKind.RELATED_ACTIVITY : KeyKind.ACTIVITY,
                    StatementKeys.hash(p.get("activity"))));
        }
        if (p.containsKey("registration")) {
            if (!ValueFormats.isUuid(p.get("registration"))) {
                throw XapiException.badRequest("registration: must be a UUID, was '" + p.get("registration") + "'");
            }
            keys.add(new StatementQuery.KeyFilter(KeyKind.REGISTRATION, StatementKeys.uuidBytes(p.get("registration"))));
        }
        Optional<Instant> since = instant(p, "since");
        Optional<Instant> until = instant(p, "until");
        int limit = maxPageSize;
        if (p.containsKey("limit")) {
            try {
                int l = Integer.parseInt(p.get("limit"));
                if (l < 0) {
                    throw new NumberFormatException();
                }
                // 1.0.3 Communication 2.1.3: 0 means the server's maximum
                limit = l == 0 ? maxPageSize : Math.min(l, maxPageSize);
            } catch (NumberFormatException e) {
                throw XapiException.badRequest("limit: must be a non-negative integer, was '" + p.get("limit") + "'");
            }
        }
        return new StatementQuery(keys, since, until, bool(p, "ascending"), limit, after, onlyClient);
    }

    static JsonObject agentParameter(String value, String name) {
        JsonValue v = se.digikomp.lms.xapi.control.StrictJson.parse(value, name);
        new se.digikomp.lms.xapi.control.StatementValidator(XapiVersion.V2_0_0).validateActor(v, name);
        return v.asJsonObject();
    }

    private static void iri(String value, String name) {
        if (!ValueFormats.isIri(value)) {
            throw XapiException.badRequest(name + ": must be an IRI, was '" + value + "'");
        }
    }

    private static Optional<Instant> instant(Map<String, String> p, String name) {
        if (!p.containsKey(name)) {
            return Optional.empty();
        }
        return Optional.of(ValueFormats.parseTimestamp(p.get(name)).orElseThrow(() -> XapiException.badRequest(
                name + ": must be an ISO 8601 timestamp, was '" + p.get(name) + "'")).toInstant());
    }

    static boolean bool(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw XapiException.badRequest(name + ": must be true or false, was '" + v + "'");
    }

    private static String cursorQuery(Map<String, String> p) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : p.entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return b.toString();
    }

    /** The state of a `more` link: the original query and the seq of the last statement served (keyset). */
    record Cursor(String query, long afterSeq) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (afterSeq + "\n" + query).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                return new Cursor(s.substring(nl + 1), Long.parseLong(s.substring(0, nl)));
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw XapiException.badRequest("more: not a more link this LRS issued");
            }
        }
    }
}
