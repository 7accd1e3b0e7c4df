package se.digikomp.lms.xapi.boundary;

import se.digikomp.lms.xapi.control.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.digikomp.lms.xapi.control.Agents;
import se.digikomp.lms.xapi.control.DocumentStore;
import se.digikomp.lms.xapi.control.StatementKeys;
import se.digikomp.lms.xapi.control.ValueFormats;
import se.digikomp.lms.xapi.control.XapiException;
import se.digikomp.lms.xapi.entity.DocumentAddress;
import se.digikomp.lms.xapi.entity.DocumentKind;
import se.digikomp.lms.xapi.entity.LrsClient;
import se.digikomp.lms.xapi.entity.StoredDocument;
import se.digikomp.lms.xapi.entity.XapiVersion;

/**
 * The document resources: /activities/state, /activities/profile, /agents/profile (xAPI 1.0.3 Communication
 * 2.2-2.7, 2.0 4.1.6.2, 4.1.6.5, 4.1.6.6).
 */
@ApplicationScoped
public class DocumentsEndpoint {

    @Inject
    DocumentStore store;

    public XapiResponse handle(XapiRequest r, XapiVersion version, LrsClient client, DocumentKind kind) {
        boolean write = !r.method().equals("GET") && !r.method().equals("HEAD");
        boolean allowed = kind == DocumentKind.STATE ? client.mayUseState(write) : client.mayUseProfiles(write);
        if (!allowed) {
            throw XapiException.forbidden("this credential may not " + (write ? "change" : "read") + " "
                    + (kind == DocumentKind.STATE ? "state (scope state)" : "profiles (scope profile)"));
        }
        Map<String, String> p = r.params();
        Set<String> allowedParams = switch (kind) {
            case STATE -> Set.of("activityId", "agent", "registration", "stateId", "since");
            case ACTIVITY_PROFILE -> Set.of("activityId", "profileId", "since");
            case AGENT_PROFILE -> Set.of("agent", "profileId", "since");
        };
        for (String name : p.keySet()) {
            if (!allowedParams.contains(name)) {
                throw XapiException.badRequest(name + ": not a parameter of this resource");
            }
        }
        byte[] activity = DocumentAddress.NONE;
        byte[] agent = DocumentAddress.NONE;
        byte[] registration = DocumentAddress.NONE;
        if (kind != DocumentKind.AGENT_PROFILE) {
            String activityId = p.get("activityId");
            if (activityId == null) {
                throw XapiException.badRequest("activityId: the parameter is required");
            }
            if (!ValueFormats.isIri(activityId)) {
                throw XapiException.badRequest("activityId: must be an IRI, was '" + activityId + "'");
            }
            activity = StatementKeys.hash(activityId);
        }
        if (kind != DocumentKind.ACTIVITY_PROFILE) {
            String agentJson = p.get("agent");
            if (agentJson == null) {
                throw XapiException.badRequest("agent: the parameter is required");
            }
            JsonObject a = StatementQueries.agentParameter(agentJson, "agent");
            agent = StatementKeys.hash(Agents.ifiKey(a).orElseThrow(
                    () -> XapiException.badRequest("agent: must be an Agent or identified Group")));
        }
        if (p.containsKey("registration")) {
            if (!ValueFormats.isUuid(p.get("registration"))) {
                throw XapiException.badRequest("registration: must be a UUID, was '" + p.get("registration") + "'");
            }
            registration = StatementKeys.uuidBytes(p.get("registration"));
        }
        String docId = p.get(kind.idParameter());
        DocumentAddress address = new DocumentAddress(kind, activity, agent, registration, docId);
        long org = client.organisationId();
        boolean anyRegistration = kind == DocumentKind.STATE && !p.containsKey("registration");
        if (p.containsKey("since") && (docId != null || write)) {
            throw XapiException.badRequest("since: only allowed when listing document ids (GET without "
                    + kind.idParameter() + ")");
        }
        DocumentStore.Preconditions pre = new DocumentStore.Preconditions(r.header("if-match"),
                r.header("if-none-match"), kind != DocumentKind.STATE || version.isV2(),
                kind != DocumentKind.STATE && !version.isV2());
        switch (r.method()) {
            case "GET", "HEAD" -> {
                if (docId == null) {
                    Optional<Instant> since = Optional.empty();
                    if (p.containsKey("since")) {
                        since = Optional.of(ValueFormats.parseTimestamp(p.get("since")).orElseThrow(
                                () -> XapiException.badRequest("since: must be an ISO 8601 timestamp, was '"
                                        + p.get("since") + "'")).toInstant());
                    }
                    List<String> ids = store.ids(org, address, false, since);
                    JsonArrayBuilder array = JsonBuilders.PROVIDER.createArrayBuilder();
                    ids.forEach(array::add);
                    return XapiResponse.json(200, array.build());
                }
                StoredDocument d = store.get(org, address).orElseThrow(
                        () -> XapiException.notFound("no document with " + kind.idParameter() + " '" + docId + "'"));
                String ifNoneMatch = r.header("if-none-match");
                if (ifNoneMatch != null && DocumentStore.matchesWeakly(ifNoneMatch, d.etag())) {
                    // RFC 9110 13.1.2 / 15.4.5: the client's copy is current
                    return new XapiResponse(304, new java.util.LinkedHashMap<>(), null, new byte[0])
                            .with("ETag", "\"" + d.etag() + "\"")
                            .with("Last-Modified", XapiServlet.httpDate(d.updated()));
                }
                return XapiResponse.bytes(d.contentType(), d.content()).with("ETag", "\"" + d.etag() + "\"")
                        .with("Last-Modified", XapiServlet.httpDate(d.updated()));
            }
            case "PUT", "POST" -> {
                if (docId == null) {
                    throw XapiException.badRequest(kind.idParameter() + ": the parameter is required");
                }

                String contentType = r.contentType().isEmpty() ? "application/octet-stream" : r.contentType();
                if (r.method().equals("PUT")) {
                    store.put(org, address, contentType, r.body(), pre);
                } else {
                    store.post(org, address, contentType, r.body(), pre);
                }
                return XapiResponse.noContent();
            }
            case "DELETE" -> {
                if (docId == null && kind != DocumentKind.STATE) {
                    throw XapiException.badRequest(kind.idParameter() + ": the parameter is required");
                }
                store.delete(org, address, anyRegistration && docId == null, pre);
                return XapiResponse.noContent();
            }
            default -> {
                return XapiResponse.error(405, "this resource allows GET, HEAD, PUT, POST and DELETE");
            }
        }
    }
}
