package se.digikomp.lms.org.control;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a valid {@link ImportPlan} with JDBC batches on the caller's (transactional) connection: new people in
 * waves so that each one's manager already has an id (managers first; the plan has no cycles), then updates,
 * deactivations and the new people's accounts. Reads of the organisation's current state live here too.
 */
public final class ImportWriter {

    private static final int BATCH = 1000;

    private ImportWriter() {
    }

    public static List<ImportPlan.Existing> existing(Connection db, long organisationId) throws SQLException {
        List<ImportPlan.Existing> people = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, external_id, given_name, family_name, email,"
                + " unit_id, position_title, manager_id, employment_start, active FROM person WHERE organisation_id = ?")) {
            select.setLong(1, organisationId);
            select.setFetchSize(5000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Date start = rows.getDate(9);
                    people.add(new ImportPlan.Existing(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), (Long) rows.getObject(6, Long.class),
                            rows.getString(7), (Long) rows.getObject(8, Long.class),
                            start == null ? null : start.toLocalDate(), rows.getBoolean(10)));
                }
            }
        }
        return people;
    }

    public static Map<String, Long> unitCodes(Connection db, long organisationId) throws SQLException {
        Map<String, Long> units = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT code, id FROM unit WHERE organisation_id = ?"
                + " AND code IS NOT NULL")) {
            select.setLong(1, organisationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return units;
    }

    /** @return the accounts created for the new people */
    public static List<NewAccounts.Created> write(Connection db, long organisationId, String slug, ImportPlan plan,
                                                  Duration tokenValidity) throws SQLException {
        Map<String, Long> idOf = new HashMap<>();
        for (ImportPlan.Update update : plan.updates()) {
            idOf.put(update.before().employeeNumber(), update.before().id());
        }
        for (ImportPlan.Existing person : existing(db, organisationId)) {
            if (person.employeeNumber() != null) {
                idOf.putIfAbsent(person.employeeNumber(), person.id());
            }
        }
        // free e-mail addresses that change hands within this import before anyone takes them
        List<Long> emailChanges = plan.updates().stream()
                .filter(u -> u.before().email() != null && !u.before().email().equalsIgnoreCase(
                        u.after().email() == null ? "" : u.after().email()))
                .map(u -> u.before().id()).toList();
        updateIn(db, "UPDATE person SET email = NULL WHERE id IN ", emailChanges);

        Map<Long, String> newPeople = insertInWaves(db, organisationId, plan.creates(), idOf);

        try (PreparedStatement update = db.prepareStatement("UPDATE person SET given_name = ?, family_name = ?,"
                + " email = ?, unit_id = ?, position_title = ?, employment_start = ?, manager_id = ?, active = TRUE"
                + " WHERE id = ? AND organisation_id = ?")) {
            int pending = 0;
            for (ImportPlan.Update change : plan.updates()) {
                ImportPlan.Fields f = change.after();
                bindCommon(update, 1, f);
                Long manager = f.managerNumber() != null ? idOf.get(f.managerNumber()) : f.managerId();
                setLong(update, 7, manager);
                update.setLong(8, change.before().id());
                update.setLong(9, organisationId);
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        List<Long> reactivated = plan.updates().stream().filter(u -> !u.before().active()).map(u -> u.before().id())
                .toList();
        updateIn(db, "UPDATE account SET active = TRUE WHERE person_id IN ", reactivated);
        List<Long> deactivated = plan.deactivations().stream().map(ImportPlan.Existing::id).toList();
        updateIn(db, "UPDATE person SET active = FALSE WHERE id IN ", deactivated);
        updateIn(db, "UPDATE account SET active = FALSE WHERE person_id IN ", deactivated);
        return NewAccounts.create(db, slug, newPeople, tokenValidity);
    }

    /** Inserts new people, each wave those whose manager has an id by then; @return person id -> employee number */
    private static Map<Long, String> insertInWaves(Connection db, long organisationId, List<ImportPlan.Fields> creates,
                                                   Map<String, Long> idOf) throws SQLException {
        Map<Long, String> created = new LinkedHashMap<>();
        List<ImportPlan.Fields> waiting = new ArrayList<>(creates);
        while (!waiting.isEmpty()) {
            List<ImportPlan.Fields> wave = new ArrayList<>();
            List<ImportPlan.Fields> later = new ArrayList<>();
            for (ImportPlan.Fields f : waiting) {
                (f.managerNumber() == null || idOf.containsKey(f.managerNumber()) ? wave : later).add(f);
            }
            if (wave.isEmpty()) {
                throw new IllegalStateException("manager chain without a start; the plan should have refused it");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO person (given_name, family_name, email,"
                    + " unit_id, position_title, employment_start, manager_id, organisation_id, external_id, active)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
                int pending = 0;
                for (ImportPlan.Fields f : wave) {
                    bindCommon(insert, 1, f);
                    setLong(insert, 7, f.managerNumber() == null ? null : idOf.get(f.managerNumber()));
                    insert.setLong(8, organisationId);
                    insert.setString(9, f.employeeNumber());
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
            List<String> numbers = wave.stream().map(ImportPlan.Fields::employeeNumber).toList();
            for (int from = 0; from < numbers.size(); from += BATCH) {
                List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + BATCH));
                try (PreparedStatement select = db.prepareStatement("SELECT external_id, id FROM person"
                        + " WHERE organisation_id = ? AND external_id IN (" + "?,".repeat(chunk.size() - 1) + "?)")) {
                    select.setLong(1, organisationId);
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            idOf.put(rows.getString(1), rows.getLong(2));
                            created.put(rows.getLong(2), rows.getString(1));
                        }
                    }
                }
            }
            waiting = later;
        }
        return created;
    }

    private static void bindCommon(PreparedStatement statement, int first, ImportPlan.Fields f) throws SQLException {
        statement.setString(first, f.givenName());
        statement.setString(first + 1, f.familyName());
        statement.setString(first + 2, f.email());
        setLong(statement, first + 3, f.unitId());
        statement.setString(first + 4, f.position());
        if (f.employmentStart() == null) {
            statement.setNull(first + 5, Types.DATE);
        } else {
            statement.setDate(first + 5, Date.valueOf(f.employmentStart()));
        }
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static void updateIn(Connection db, String sql, List<Long> ids) throws SQLException {
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
            try (PreparedStatement update = db.prepareStatement(sql + "(" + "?,".repeat(chunk.size() - 1) + "?)")) {
                for (int i = 0; i < chunk.size(); i++) {
                    update.setLong(i + 1, chunk.get(i));
                }
                update.executeUpdate();
            }
        }
    }
}
