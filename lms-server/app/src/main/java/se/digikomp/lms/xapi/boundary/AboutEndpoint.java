package se.digikomp.lms.xapi.boundary;

import se.digikomp.lms.xapi.control.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import se.digikomp.lms.xapi.control.ActivityStore;
import se.digikomp.lms.xapi.control.Agents;
import se.digikomp.lms.xapi.control.StatementKeys;
import se.digikomp.lms.xapi.control.ValueFormats;
import se.digikomp.lms.xapi.control.XapiException;
import se.digikomp.lms.xapi.entity.LrsClient;

/** /about, /activities and /agents (xAPI 1.0.3 Communication 2.4, 2.5, 2.8; 2.0 4.1.6.3, 4.1.6.4, 4.1.6.7). */
@ApplicationScoped
public class AboutEndpoint {

    @Inject
    ActivityStore activities;

    /** 1.0.3 Communication 2.8: the versions this LRS speaks. */
    public XapiResponse about(XapiRequest r) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            return XapiResponse.error(405, "the About Resource allows GET and HEAD");
        }
        return XapiResponse.json(200, JsonBuilders.PROVIDER.createObjectBuilder()
                .add("version", JsonBuilders.PROVIDER.createArrayBuilder().add("1.0.0").add("1.0.1").add("1.0.2").add("1.0.3")
                        .add("2.0.0"))
                .add("extensions", JsonBuilders.PROVIDER.createObjectBuilder()).build());
    }

    /** 1.0.3 Communication 2.5: the canonical definition of an Activity (an Activity object even if unknown). */
    public XapiResponse activity(XapiRequest r, LrsClient client) {
        readOnly(r, client);
        if (!client.mayReadDefinitions()) {
            throw XapiException.forbidden("this credential may not read activity definitions: they are merged from"
                    + " every client's statements; it needs scope statements/read, all/read or all"
                    + " (statements/read/mine reads only the statements it stored)");
        }
        only(r, "activityId");
        String id = r.param("activityId").orElseThrow(
                () -> XapiException.badRequest("activityId: the parameter is required"));
        if (!ValueFormats.isIri(id)) {
            throw XapiException.badRequest("activityId: must be an IRI, was '" + id + "'");
        }
        JsonObject activity = activities.find(client.organisationId(), StatementKeys.hash(id))
                .orElse(JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Activity").add("id", id).build());
        return XapiResponse.json(200, activity);
    }

    /** 1.0.3 Communication 2.4: the Person object of an Agent. */
    public XapiResponse person(XapiRequest r, LrsClient client) {
        readOnly(r, client);
        only(r, "agent");
        String json = r.param("agent").orElseThrow(() -> XapiException.badRequest("agent: the parameter is required"));
        JsonObject agent = StatementQueries.agentParameter(json, "agent");
        if (Agents.ifiKey(agent).isEmpty()) {
            throw XapiException.badRequest("agent: must be an Agent or identified Group");
        }
        JsonObjectBuilder person = JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Person");
        person.add("name", agent.containsKey("name") ? JsonBuilders.PROVIDER.createArrayBuilder().add(agent.get("name"))
                : JsonBuilders.PROVIDER.createArrayBuilder());
        for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.containsKey(ifi)) {
                person.add(ifi, JsonBuilders.PROVIDER.createArrayBuilder().add(agent.get(ifi)));
            }
        }
        return XapiResponse.json(200, person.build());
    }

    private static void readOnly(XapiRequest r, LrsClient client) {
        if (!r.method().equals("GET") && !r.method().equals("HEAD")) {
            throw new XapiException(405, "this resource allows GET and HEAD");
        }
        if (!client.mayRead()) {
            throw XapiException.forbidden("this credential may not read");
        }
    }

    private static void only(XapiRequest r, String allowed) {
        for (String p : r.params().keySet()) {
            if (!p.equals(allowed)) {
                throw XapiException.badRequest(p + ": not a parameter of this resource");
            }
        }
    }
}
