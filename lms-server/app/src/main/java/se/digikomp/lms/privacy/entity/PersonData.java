package se.digikomp.lms.privacy.entity;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * What Digikomp holds about a person outside the LRS, read for their data export: the person row (every column),
 * their account (without its password hash) and roles, and their xAPI agent identities.
 */
public record PersonData(long personId, long organisationId, JsonObject profile, List<String> roles,
                         List<JsonObject> agents) {

    public PersonData {
        roles = List.copyOf(roles);
        agents = List.copyOf(agents);
    }
}
