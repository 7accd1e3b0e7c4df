package se.digikomp.lms.xapi.boundary;

import se.digikomp.lms.xapi.control.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.digikomp.lms.xapi.control.Multipart;
import se.digikomp.lms.xapi.control.Signatures;
import se.digikomp.lms.xapi.control.StatementFormatter;
import se.digikomp.lms.xapi.control.StatementPreparer;
import se.digikomp.lms.xapi.control.StatementStore;
import se.digikomp.lms.xapi.control.StatementStore.AttachmentContent;
import se.digikomp.lms.xapi.control.StatementValidator;
import se.digikomp.lms.xapi.control.XapiException;
import se.digikomp.lms.xapi.entity.IncomingStatement;
import se.digikomp.lms.xapi.entity.LrsClient;
import se.digikomp.lms.xapi.entity.Part;
import se.digikomp.lms.xapi.entity.StoredStatement;
import se.digikomp.lms.xapi.entity.XapiVersion;

/** The Statement Resource, /xapi/statements (xAPI 1.0.3 Communication 2.1, 2.0 4.1.6.1). */
@ApplicationScoped
public class StatementsEndpoint {

    @Inject
    StatementStore store;

    @Inject
    StatementQueries queries;

    public XapiResponse handle(XapiRequest r, XapiVersion version, LrsClient client, String baseUrl,
            String basePath) {
        return switch (r.method()) {
            case "GET", "HEAD" -> queries.get(r, version, client, basePath);
            case "PUT" -> put(r, version, client, baseUrl);
            case "POST" -> post(r, version, client, baseUrl);
            default -> XapiResponse.error(405, "the Statement Resource allows GET, HEAD, PUT and POST");
        };
    }

    private XapiResponse put(XapiRequest r, XapiVersion version, LrsClient client, String baseUrl) {
        requireWrite(client);
        // 1.0.3 Communication 2.1.1: PUT needs the statementId parameter
        String id = r.param("statementId").orElseThrow(
                () -> XapiException.badRequest("statementId: the parameter is required for PUT"));
        for (String p : r.params().keySet()) {
            if (!p.equals("statementId")) {
                throw XapiException.badRequest(p + ": not a parameter of PUT /statements");
            }
        }
        if (!se.digikomp.lms.xapi.control.ValueFormats.isUuid(id)) {
            throw XapiException.badRequest("statementId: must be a UUID, was '" + id + "'");
        }
        Body body = body(r);
        if (body.statements.getValueType() != JsonValue.ValueType.OBJECT) {
            throw XapiException.badRequest("statement: PUT takes exactly one statement (a JSON object)");
        }
        JsonObject s = body.statements.asJsonObject();
        if (s.containsKey("id") && s.get("id").getValueType() == JsonValue.ValueType.STRING
                && !s.getString("id").equalsIgnoreCase(id)) {
            throw XapiException.badRequest("statement.id: '" + s.getString("id")
                    + "' differs from the statementId parameter '" + id + "'");
        }
        if (!s.containsKey("id")) {
            s = JsonBuilders.PROVIDER.createObjectBuilder(s).add("id", id).build();
        }
        store(List.of(s), body.parts, version, client, baseUrl);
        return XapiResponse.noContent();
    }

    private XapiResponse post(XapiRequest r, XapiVersion version, LrsClient client, String baseUrl) {
        if (!r.params().isEmpty()) {
            // POST with query parameters is a query (1.0.3 Communication 2.1.2.s2.b3 via the alternate syntax)
            throw XapiException.badRequest(r.params().keySet().iterator().next()
                    + ": POST /statements takes no parameters");
        }
        requireWrite(client);
        Body body = body(r);
        List<JsonObject> statements = new ArrayList<>();
        if (body.statements.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArray array = body.statements.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw XapiException.badRequest("statements[" + i + "]: must be a JSON object");
                }
                statements.add(array.get(i).asJsonObject());
            }
        } else if (body.statements.getValueType() == JsonValue.ValueType.OBJECT) {
            statements.add(body.statements.asJsonObject());
        } else {
            throw XapiException.badRequest("statement: the body must be a statement or an array of statements");
        }
        List<IncomingStatement> stored = store(statements, body.parts, version, client, baseUrl);
        JsonArrayBuilder ids = JsonBuilders.PROVIDER.createArrayBuilder();
        stored.forEach(s -> ids.add(s.id()));
        return XapiResponse.json(200, ids.build());
    }

    private List<IncomingStatement> store(List<JsonObject> statements, List<Part> parts, XapiVersion version,
            LrsClient client, String baseUrl) {
        StatementValidator validator = new StatementValidator(version);
        Map<String, Part> partsByHash = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            String hash = p.header("x-experience-api-hash");
            // 1.0.3 Communication 1.5.2.s2.b2: every attachment part names its sha2 and is binary
            if (hash == null || hash.isBlank()) {
                throw XapiException.badRequest("multipart part " + (i + 2) + ": the X-Experience-API-Hash header"
                        + " is required");
            }
            String encoding = p.header("content-transfer-encoding");
            if (encoding == null || !encoding.trim().equalsIgnoreCase("binary")) {
                throw XapiException.badRequest("multipart part " + (i + 2)
                        + ": Content-Transfer-Encoding must be binary");
            }
            partsByHash.put(hash.trim().toLowerCase(Locale.ROOT), p);
        }
        Instant now = Instant.now();
        JsonObject authority = authority(client, baseUrl);
        List<IncomingStatement> prepared = new ArrayList<>(statements.size());
        Set<String> ids = new HashSet<>();
        Set<String> referencedHashes = new HashSet<>();
        List<AttachmentContent> contents = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            JsonObject s = statements.get(i);
            try {
                validator.validate(s);
            } catch (XapiException e) {
                throw statements.size() == 1 ? e
                        : XapiException.badRequest("statements[" + i + "]: " + e.getMessage());
            }
            IncomingStatement in = StatementPreparer.prepare(s, version, authority, now);
            if (!ids.add(in.id())) {
                throw XapiException.badRequest("statements[" + i + "].id: the id " + in.id()
                        + " occurs more than once in the batch");
            }
            JsonArray attachments = s.getJsonArray("attachments");
            if (attachments != null) {
                for (int j = 0; j < attachments.size(); j++) {
                    JsonObject a = attachments.getJsonObject(j);
                    String sha2 = a.getString("sha2").toLowerCase(Locale.ROOT);
                    Part part = partsByHash.get(sha2);
                    boolean signature = Signatures.SIGNATURE_USAGE.equals(a.getString("usageType"));
                    if (part == null && (!a.containsKey("fileUrl") || signature)) {
                        // 1.0.3 Data 2.4.11: an attachment without fileUrl must come with its content
                        throw XapiException.badRequest("statement.attachments[" + j + "]: no multipart part with"
                                + " X-Experience-API-Hash " + sha2 + " and no fileUrl");
                    }
                    if (part != null) {
                        referencedHashes.add(sha2);
                        if (signature) {
                            Signatures.verify(s, j, a.getString("contentType"), part.body());
                        }
                        contents.add(new AttachmentContent(sha2, a.getString("contentType"), part.body()));
                    }
                }
            }
            prepared.add(in);
        }
        for (String hash : partsByHash.keySet()) {
            if (!referencedHashes.contains(hash)) {
                throw XapiException.badRequest("multipart part with X-Experience-API-Hash " + hash
                        + " matches no attachment of the statements");
            }
        }
        store.store(client.organisationId(), client.id(), prepared, contents);
        return prepared;
    }

    /** The statements (JSON) and attachment parts of a PUT/POST body (1.0.3 Communication 1.5). */
    private record Body(JsonValue statements, List<Part> parts) {
    }

    private static Body body(XapiRequest r) {
        String media = r.mediaType();
        if (media.equals("application/json") || (r.alternateSyntax() && media.isEmpty())) {
            return new Body(parseJson(r.body(), "the request body"), List.of());
        }
        if (media.equals("multipart/mixed")) {
            String boundary = Multipart.boundary(r.contentType()).orElseThrow(() -> XapiException.badRequest(
                    "Content-Type: multipart/mixed needs a boundary parameter"));
            List<Part> parts = Multipart.parse(r.body(), boundary);
            if (parts.isEmpty()) {
                throw XapiException.badRequest("multipart body: no parts");
            }
            Part first = parts.get(0);
            String ct = first.header("content-type");
            // 1.0.3 Communication 1.5.2.s2.b2.b1: the first part holds the statements as application/json
            if (ct == null || !ct.split(";")[0].trim().equalsIgnoreCase("application/json")) {
                throw XapiException.badRequest("multipart body: the first part must be the statements as"
                        + " application/json");
            }
            return new Body(parseJson(first.body(), "the first multipart part"), parts.subList(1, parts.size()));
        }
        throw XapiException.badRequest("Content-Type: statements are sent as application/json or multipart/mixed,"
                + " not '" + r.contentType() + "'");
    }

    static JsonValue parseJson(byte[] bytes, String what) {
        return se.digikomp.lms.xapi.control.StrictJson.parse(bytes, what);
    }

    private static void requireWrite(LrsClient client) {
        if (!client.mayWriteStatements()) {
            throw XapiException.forbidden("this credential may not write statements (scope statements/write)");
        }
    }

    /** The authority of statements stored with this credential (1.0.3 Data 2.4.9). */
    static JsonObject authority(LrsClient client, String baseUrl) {
        return JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Agent").add("name", client.label() == null
                ? client.key() : client.label()).add("account", JsonBuilders.PROVIDER.createObjectBuilder()
                        .add("homePage", baseUrl).add("name", client.key())).build();
    }
}
