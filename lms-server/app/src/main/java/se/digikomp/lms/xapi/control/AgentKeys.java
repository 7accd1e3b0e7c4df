package se.digikomp.lms.xapi.control;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The 16-byte keys under which the LRS indexes an agent: what {@code xapi_statement_key.key_hash} (kinds agent and
 * related agent) and {@code xapi_document.agent_hash} hold for it, the first half of a SHA-256 of its Inverse
 * Functional Identifier ({@link Agents#ifiKey}).
 */
public final class AgentKeys {

    private AgentKeys() {
    }

    /** The key of an agent or identified group, empty for an anonymous group. */
    public static Optional<byte[]> of(JsonObject agent) {
        return Agents.ifiKey(agent).map(StatementKeys::hash);
    }

    /** The distinct keys of several identities of one person (an account, an mbox, an mbox_sha1sum, ...). */
    public static List<byte[]> of(List<JsonObject> identities) {
        List<byte[]> keys = new ArrayList<>();
        for (JsonObject agent : identities) {
            of(agent).filter(k -> keys.stream().noneMatch(seen -> Arrays.equals(seen, k))).ifPresent(keys::add);
        }
        return keys;
    }

    static boolean contains(List<byte[]> keys, byte[] key) {
        return keys.stream().anyMatch(k -> Arrays.equals(k, key));
    }
}
