package se.digikomp.lms.org;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.xapi.control.JsonBuilders;

/**
 * How a Digikomp person is an xAPI agent (xAPI 1.0.3 Data 2.4.2.1, 2.0 9.2.2 "Agent"; 1.0.3 Data 2.4.2.3 "Inverse
 * Functional Identifier").
 *
 * <p>The person's <b>primary agent</b>, which Digikomp itself sends when it launches content (cmi5 {@code actor},
 * xAPI launch {@code actor}) and uses in its own statements, is an account agent:
 * <pre>{"objectType": "Agent", "account": {"homePage": "&lt;lms.xapi.agent-home-page&gt;", "name": "&lt;UUID&gt;"}}</pre>
 * {@code homePage} is the installation's base URL (config {@code lms.xapi.agent-home-page}; set it once, before
 * the first statement: a change splits every person's history in two). {@code name} is a random UUID made for
 * the person the first time it is needed and kept in {@code learner_agent}: stable for the person's life, and
 * opaque (neither the e-mail address nor the database id, so a statement read elsewhere names nobody). No
 * {@code name} property: a display name is personal data the LRS does not need.
 *
 * <p>Content from elsewhere may identify the same person by e-mail instead: {@code mbox} ({@code mailto:} + the
 * person's e-mail address) or {@code mbox_sha1sum} (SHA-1 hex of that IRI). {@link #identities} lists all of them;
 * a person's data export and erasure cover every one.
 */
@ApplicationScoped
public class LearnerAgent {

    public static final String HOME_PAGE_KEY = "lms.xapi.agent-home-page";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = HOME_PAGE_KEY, defaultValue = "http://localhost:8080/")
    String homePage;

    /** The person's primary agent, its name made now if the person has none yet; empty for an unknown person. */
    public Optional<JsonObject> primary(long personId) {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> name = name(c, personId);
            if (name.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO learner_agent (person_id,"
                        + " organisation_id, name) SELECT id, organisation_id, ? FROM person WHERE id = ?")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setLong(2, personId);
                    ps.executeUpdate();
                }
                name = name(c, personId);
            }
            return name.map(this::account);
        } catch (SQLException e) {
            throw new IllegalStateException("the xAPI agent of person " + personId + " could not be read", e);
        }
    }

    /**
     * Every agent identity under which statements and documents about the person may be stored: the primary agent
     * if the person has one yet, and with an e-mail address its {@code mbox} and {@code mbox_sha1sum} forms.
     */
    public List<JsonObject> identities(Connection c, long personId, Optional<String> email) throws SQLException {
        List<JsonObject> identities = new ArrayList<>();
        name(c, personId).map(this::account).ifPresent(identities::add);
        if (email.isPresent() && !email.get().isBlank()) {
            String mbox = "mailto:" + email.get().trim();
            identities.add(JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Agent").add("mbox", mbox)
                    .build());
            // content computes the hash from the address as it knows it: as stored, and in lower case
            for (String form : List.of(mbox, mbox.toLowerCase(Locale.ROOT))) {
                JsonObject sha1 = JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Agent")
                        .add("mbox_sha1sum", sha1Hex(form)).build();
                if (!identities.contains(sha1)) {
                    identities.add(sha1);
                }
            }
        }
        return identities;
    }

    /** Forgets the person's agent name (erasure); on the caller's connection and transaction. */
    public static void forget(Connection c, long personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM learner_agent WHERE person_id = ?")) {
            ps.setLong(1, personId);
            ps.executeUpdate();
        }
    }

    private JsonObject account(String name) {
        return JsonBuilders.PROVIDER.createObjectBuilder().add("objectType", "Agent")
                .add("account", JsonBuilders.PROVIDER.createObjectBuilder().add("homePage", homePage).add("name", name))
                .build();
    }

    private static Optional<String> name(Connection c, long personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM learner_agent WHERE person_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static String sha1Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(
                    value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
