package se.digikomp.lms.xapi.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;

/**
 * Agent identity (xAPI 1.0.3 Data 2.4.2.3, 2.0 4.2.2.1): Agents and identified Groups are the same when they use
 * the same Inverse Functional Identifier. The key is "mbox:...", "mbox_sha1sum:...", "openid:..." or
 * "account:homePage|name".
 */
public final class Agents {

    private Agents() {
    }

    public static Optional<String> ifiKey(JsonObject agent) {
        if (agent.containsKey("mbox")) {
            return Optional.of("mbox:" + agent.getString("mbox").toLowerCase(Locale.ROOT));
        }
        if (agent.containsKey("mbox_sha1sum")) {
            return Optional.of("mbox_sha1sum:" + agent.getString("mbox_sha1sum").toLowerCase(Locale.ROOT));
        }
        if (agent.containsKey("openid")) {
            return Optional.of("openid:" + agent.getString("openid"));
        }
        JsonObject account = agent.getJsonObject("account");
        if (account != null) {
            return Optional.of("account:" + account.getString("homePage") + "|" + account.getString("name"));
        }
        return Optional.empty();
    }

    /** The agent or identified group reduced to objectType and its IFI (the "ids" format, 1.0.3 Data 2.5). */
    public static JsonObject idsOnly(JsonObject agent) {
        JsonObjectBuilder b = JsonBuilders.PROVIDER.createObjectBuilder();
        String type = agent.getString("objectType", "Agent");
        b.add("objectType", type);
        for (String ifi : new String[] {"mbox", "mbox_sha1sum", "openid", "account"}) {
            if (agent.containsKey(ifi)) {
                b.add(ifi, agent.get(ifi));
            }
        }
        if ("Group".equals(type) && ifiKey(agent).isEmpty() && agent.containsKey("member")) {
            var members = JsonBuilders.PROVIDER.createArrayBuilder();
            for (JsonValue m : agent.getJsonArray("member")) {
                members.add(idsOnly(m.asJsonObject()));
            }
            b.add("member", members);
        }
        return b.build();
    }
}
