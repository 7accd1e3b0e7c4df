package se.digikomp.lms.org.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.Caller;

/**
 * Reads people within the caller's {@link PeopleScope}: one person, or a page of a search sorted by name or
 * employee number with keyset paging (the cursor carries the last row's sort key, so every page is an index range
 * on {@code (organisation_id, family_name, given_name, id)} or {@code (organisation_id, external_id)}; no OFFSET).
 */
@ApplicationScoped
public class PeopleDirectory {

    public enum Sort {
        NAME, EMPLOYEE_NUMBER
    }

    /** What to list: an optional search (prefix of family name, given name, e-mail or employee number). */
    public record Query(String search, Sort sort, boolean descending, Boolean active, Long unitId, int limit,
                        String cursor) {
    }

    /** A page and the cursor of the next one (null on the last page). */
    public record Page(List<PersonView> items, String next) {
    }

    /** A cursor that is not one of ours, or of another sort. */
    public static class BadCursor extends IllegalArgumentException {
        public BadCursor() {
            super("cursor is not valid for this sort; start again without it");
        }
    }

    private static final String COLUMNS = "SELECT p.id, p.external_id, p.given_name, p.family_name, p.email,"
            + " p.unit_id, u.code, u.name, p.position_title, p.manager_id, p.employment_start, p.active, a.id,"
            + " a.username FROM person p LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN account a ON a.person_id = p.id";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Optional<PersonView> find(Caller caller, long id) {
        PeopleScope scope = PeopleScope.of(caller);
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(COLUMNS + " WHERE p.id = ? AND " + scope.sql())) {
            select.setLong(1, id);
            scope.bind(select, 2);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading a person failed: " + e.getMessage(), e);
        }
    }

    public Page list(Caller caller, Query query) {
        PeopleScope scope = PeopleScope.of(caller);
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE ").append(scope.sql());
        List<Object> parameters = new ArrayList<>(scope.parameters());
        if (query.search() != null && !query.search().isBlank()) {
            String prefix = like(query.search().strip()) + "%";
            sql.append(" AND (p.family_name LIKE ? OR p.given_name LIKE ? OR p.email LIKE ? OR p.external_id LIKE ?)");
            for (int i = 0; i < 4; i++) {
                parameters.add(prefix);
            }
        }
        if (query.active() != null) {
            sql.append(" AND p.active = ?");
            parameters.add(query.active());
        }
        if (query.unitId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM unit f JOIN unit pu ON pu.id = p.unit_id WHERE f.id = ?"
                    + " AND f.organisation_id = p.organisation_id AND pu.path LIKE CONCAT(f.path, '%'))");
            parameters.add(query.unitId());
        }
        String[] after = decode(query);
        String lt = query.descending() ? "<" : ">";
        String direction = query.descending() ? " DESC" : "";
        if (query.sort() == Sort.NAME) {
            if (after != null) {
                sql.append(" AND p.family_name ").append(lt).append("= ? AND (p.family_name ").append(lt)
                        .append(" ? OR p.given_name ").append(lt).append(" ? OR (p.given_name = ? AND p.id ")
                        .append(lt).append(" ?))");
                parameters.addAll(List.of(after[0], after[0], after[1], after[1], Long.parseLong(after[2])));
            }
            sql.append(" ORDER BY p.family_name").append(direction).append(", p.given_name").append(direction)
                    .append(", p.id").append(direction);
        } else {
            if (after != null) {
                long id = Long.parseLong(after[1]);
                if (after[0] == null) {
                    sql.append(query.descending() ? " AND p.external_id IS NULL AND p.id < ?"
                            : " AND ((p.external_id IS NULL AND p.id > ?) OR p.external_id IS NOT NULL)");
                    parameters.add(id);
                } else {
                    sql.append(" AND (p.external_id ").append(lt).append(" ? OR (p.external_id = ? AND p.id ")
                            .append(lt).append(" ?)").append(query.descending() ? " OR p.external_id IS NULL)" : ")");
                    parameters.addAll(List.of(after[0], after[0], id));
                }
            }
            sql.append(" ORDER BY p.external_id").append(direction).append(", p.id").append(direction);
        }
        sql.append(" LIMIT ?");
        parameters.add(query.limit() + 1);
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            List<PersonView> items = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    items.add(view(rows));
                }
            }
            String next = null;
            if (items.size() > query.limit()) {
                items = items.subList(0, query.limit());
                next = encode(query.sort(), items.get(items.size() - 1));
            }
            return new Page(List.copyOf(items), next);
        } catch (SQLException e) {
            throw new IllegalStateException("listing people failed: " + e.getMessage(), e);
        }
    }

    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Cursor: Base64url of the sort name and the last row's key, separated by NUL characters ("\1" for null). */
    private static String encode(Sort sort, PersonView last) {
        String key = sort == Sort.NAME ? last.familyName() + "\0" + last.givenName() + "\0" + last.id()
                : (last.employeeNumber() == null ? "\1" : last.employeeNumber()) + "\0" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((sort.name() + "\0" + key)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(Query query) {
        if (query.cursor() == null || query.cursor().isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(query.cursor()), StandardCharsets.UTF_8)
                    .split("\0", -1);
            int expected = query.sort() == Sort.NAME ? 4 : 3;
            if (parts.length != expected || !parts[0].equals(query.sort().name())) {
                throw new BadCursor();
            }
            Long.parseLong(parts[expected - 1]);
            String[] key = java.util.Arrays.copyOfRange(parts, 1, expected);
            if (query.sort() == Sort.EMPLOYEE_NUMBER && "\1".equals(key[0])) {
                key[0] = null;
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw e instanceof BadCursor bad ? bad : new BadCursor();
        }
    }

    static PersonView view(ResultSet row) throws SQLException {
        Date start = row.getDate(11);
        return new PersonView(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getObject(6, Long.class), row.getString(7), row.getString(8), row.getString(9),
                row.getObject(10, Long.class), start == null ? null : start.toLocalDate(), row.getBoolean(12),
                row.getObject(13, Long.class), row.getString(14));
    }
}
