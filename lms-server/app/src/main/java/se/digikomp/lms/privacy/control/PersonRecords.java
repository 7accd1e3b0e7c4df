package se.digikomp.lms.privacy.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import se.digikomp.lms.xapi.control.JsonBuilders;

/**
 * Reads a person's own rows, always bounded by the organisation in the query. The person row is exported column by
 * column as the schema has it, so a column a feature adds to {@code person} is in every export without a change
 * here; of the account, everything but the password salt and hash.
 */
final class PersonRecords {

    private PersonRecords() {
    }

    /** The person row as JSON ({@code column: value}), with its unit and organisation names; empty if not there. */
    static Optional<JsonObject> profile(Connection c, long organisationId, long personId) throws SQLException {
        JsonObjectBuilder profile = JsonBuilders.PROVIDER.createObjectBuilder();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.*, o.name AS organisation_name, u.name AS unit_name"
                + " FROM person p JOIN organisation o ON o.id = p.organisation_id LEFT JOIN unit u ON u.id = p.unit_id"
                + " WHERE p.id = ? AND p.organisation_id = ?")) {
            ps.setLong(1, personId);
            ps.setLong(2, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                columns(rs, profile, List.of());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM account WHERE person_id = ?")) {
            ps.setLong(1, personId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    JsonObjectBuilder account = JsonBuilders.PROVIDER.createObjectBuilder();
                    columns(rs, account, List.of("password", "secret", "salt", "hash"));
                    profile.add("account", account);
                }
            }
        }
        return Optional.of(profile.build());
    }

    /** The person's e-mail address, the row locked until the transaction ends when {@code lock}. */
    static Optional<Optional<String>> email(Connection c, long organisationId, long personId, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email FROM person WHERE id = ? AND organisation_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setLong(1, personId);
            ps.setLong(2, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
            }
        }
    }

    static List<String> roles(Connection c, long personId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.role FROM account_role r JOIN account a"
                + " ON a.id = r.account_id WHERE a.person_id = ? ORDER BY r.role")) {
            ps.setLong(1, personId);
            List<String> roles = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return roles;
        }
    }

    private static void columns(ResultSet rs, JsonObjectBuilder into, List<String> withheld) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (withheld.stream().anyMatch(name::contains)) {
                continue;
            }
            Object value = rs.getObject(i);
            if (value == null) {
                into.addNull(name);
            } else if (value instanceof Boolean b) {
                into.add(name, b);
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte) {
                into.add(name, ((Number) value).longValue());
            } else if (value instanceof BigDecimal d) {
                into.add(name, d);
            } else if (value instanceof byte[] bytes) {
                into.add(name, java.util.HexFormat.of().formatHex(bytes));
            } else {
                into.add(name, value.toString());
            }
        }
    }
}
