package se.digikomp.lms.org.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Accounts for new people, written with JDBC batches (the CSV import creates tens of thousands at once).
 *
 * <p>Username rule: {@code <organisation slug>-<employee number>}, lower-case, every character other than
 * {@code a-z 0-9 . _ -} replaced by {@code -} (for a person without an employee number: {@code <slug>-p<person id>});
 * when taken, {@code -2}, {@code -3}, ... is appended. No name goes into a username. The account has no password:
 * its salt and hash are random bytes, so no password matches until the person sets one with the one-time
 * set-password token made here (only its SHA-256 is stored). Every new account is a LEARNER.
 */
public final class NewAccounts {

    /** A created account and the token for its set-password link (shown once). */
    public record Created(long personId, long accountId, String employeeNumber, String username, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BATCH = 1000;

    private NewAccounts() {
    }

    /** The username for a person, unique against {@code taken} (which it is added to). */
    public static String username(String slug, String employeeNumber, long personId, Set<String> taken) {
        String base = employeeNumber == null ? slug + "-p" + personId
                : slug + "-" + employeeNumber.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        if (base.length() > 90) {
            base = base.substring(0, 90);
        }
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "-" + n;
        }
        taken.add(name);
        return name;
    }

    /**
     * Creates an account for each person ({@code person id -> employee number or null}).
     *
     * @return one {@link Created} per person, in the given order
     */
    public static List<Created> create(Connection db, String slug, Map<Long, String> people, Duration tokenValidity)
            throws SQLException {
        Set<String> taken = new HashSet<>();
        try (PreparedStatement names = db.prepareStatement("SELECT username FROM account WHERE username LIKE ?")) {
            names.setString(1, slug.replace("_", "\\_").replace("%", "\\%") + "-%");
            try (ResultSet rows = names.executeQuery()) {
                while (rows.next()) {
                    taken.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<Long, String> usernames = new HashMap<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO account (person_id, username, password_salt,"
                + " password_hash, active) VALUES (?, ?, ?, ?, TRUE)")) {
            int pending = 0;
            for (Map.Entry<Long, String> person : people.entrySet()) {
                String username = username(slug, person.getValue(), person.getKey(), taken);
                usernames.put(person.getKey(), username);
                insert.setLong(1, person.getKey());
                insert.setString(2, username);
                insert.setString(3, randomBase64(16));
                insert.setString(4, randomBase64(32));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        Map<Long, Long> accountOf = accountIds(db, new ArrayList<>(people.keySet()));
        List<Created> created = new ArrayList<>(people.size());
        Timestamp expires = Timestamp.from(Instant.now().plus(tokenValidity));
        try (PreparedStatement role = db.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, 'LEARNER')");
             PreparedStatement token = db.prepareStatement("INSERT INTO password_token (account_id, token_hash, expires_at)"
                     + " VALUES (?, ?, ?)")) {
            int pending = 0;
            for (Long personId : people.keySet()) {
                long accountId = accountOf.get(personId);
                String secret = randomToken();
                role.setLong(1, accountId);
                role.addBatch();
                token.setLong(1, accountId);
                token.setString(2, sha256(secret));
                token.setTimestamp(3, expires);
                token.addBatch();
                created.add(new Created(personId, accountId, people.get(personId), usernames.get(personId), secret));
                if (++pending == BATCH) {
                    role.executeBatch();
                    token.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                role.executeBatch();
                token.executeBatch();
            }
        }
        return created;
    }

    /** A new set-password token for an existing account (for instance when the first one expired). */
    public static String newToken(Connection db, long accountId, Duration validity) throws SQLException {
        String secret = randomToken();
        try (PreparedStatement token = db.prepareStatement("INSERT INTO password_token (account_id, token_hash,"
                + " expires_at) VALUES (?, ?, ?)")) {
            token.setLong(1, accountId);
            token.setString(2, sha256(secret));
            token.setTimestamp(3, Timestamp.from(Instant.now().plus(validity)));
            token.executeUpdate();
        }
        return secret;
    }

    private static Map<Long, Long> accountIds(Connection db, List<Long> personIds) throws SQLException {
        Map<Long, Long> ids = new HashMap<>();
        for (int from = 0; from < personIds.size(); from += BATCH) {
            List<Long> chunk = personIds.subList(from, Math.min(personIds.size(), from + BATCH));
            try (PreparedStatement select = db.prepareStatement("SELECT person_id, id FROM account WHERE person_id IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getLong(1), rows.getLong(2));
                    }
                }
            }
        }
        return ids;
    }

    /** The SHA-256 (hex) under which a set-password token is stored. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String randomBase64(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
