package se.digikomp.lms.org.control;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a people CSV would do to an organisation, decided before anything is written: who is created, updated,
 * deactivated (with {@code full}) or unchanged, and every problem. Pure logic over the parsed file and the
 * organisation's current people and units, so the rules are unit-tested without a database.
 *
 * <p>Matching is by employee number. A column missing from the file leaves that field as it is; an empty cell
 * clears it (the required columns cannot be empty). A person listed again becomes active again.
 */
public final class ImportPlan {

    /** A person of the organisation as stored (ids, no more than the import compares). */
    public record Existing(long id, String employeeNumber, String givenName, String familyName, String email,
                           Long unitId, String position, Long managerId, LocalDate employmentStart, boolean active) {
    }

    /**
     * A person's fields after the import. The manager is {@code managerNumber} (an employee number, in the file
     * or already stored) or, when the file has no manager column, the stored {@code managerId}.
     */
    public record Fields(long row, String employeeNumber, String givenName, String familyName, String email,
                         Long unitId, String position, LocalDate employmentStart, String managerNumber,
                         Long managerId) {
    }

    /** An update: the stored person and its fields after the import. */
    public record Update(Existing before, Fields after) {
    }

    static final int MAX_EMPLOYEE_NUMBER = 64;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    static final int MAX_POSITION = 200;
    /** Deliberately simple: something@domain.tld without spaces; the HR system is the authority. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>()\\[\\],;:]+@[^@\\s\"<>()\\[\\],;:]+\\.[^@\\s\"<>()\\[\\],;:.]+");

    private final List<Fields> creates = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Existing> deactivations = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private int unchanged;

    private ImportPlan() {
    }

    public List<Fields> creates() {
        return creates;
    }

    public List<Update> updates() {
        return updates;
    }

    public List<Existing> deactivations() {
        return deactivations;
    }

    public int unchanged() {
        return unchanged;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /**
     * @param units the organisation's unit codes and ids
     * @param full  people with an employee number who are missing from the file are deactivated
     */
    public static ImportPlan of(PeopleCsv.Parsed file, List<Existing> existing, Map<String, Long> units,
                                boolean full) {
        ImportPlan plan = new ImportPlan();
        plan.problems.addAll(file.problems());
        if (!file.problems().isEmpty() && file.rows().isEmpty()) {
            return plan;
        }
        Map<String, Existing> byNumber = new HashMap<>();
        Map<Long, Existing> byId = new HashMap<>();
        Map<String, Existing> byEmail = new HashMap<>();
        for (Existing person : existing) {
            byId.put(person.id(), person);
            if (person.employeeNumber() != null) {
                byNumber.put(person.employeeNumber(), person);
            }
            if (person.email() != null) {
                byEmail.put(person.email().toLowerCase(Locale.ROOT), person);
            }
        }
        Map<String, Long> rowOfNumber = new HashMap<>();
        Map<String, Long> rowOfEmail = new HashMap<>();
        for (PeopleCsv.Row row : file.rows()) {
            String number = row.get(ImportColumn.EMPLOYEE_NUMBER);
            if (number != null && !rowOfNumber.containsKey(number)) {
                rowOfNumber.put(number, row.row());
            }
        }
        Map<String, Fields> after = new LinkedHashMap<>();
        for (PeopleCsv.Row row : file.rows()) {
            Fields fields = plan.check(file, row, byNumber, byEmail, rowOfNumber, rowOfEmail, units);
            if (fields != null) {
                after.put(fields.employeeNumber(), fields);
            }
        }
        if (file.has(ImportColumn.MANAGER_EMPLOYEE_NUMBER)) {
            plan.checkManagerCycles(file, after, byNumber, byId);
        }
        if (!plan.problems.isEmpty()) {
            return plan;
        }
        for (Fields fields : after.values()) {
            Existing before = byNumber.get(fields.employeeNumber());
            if (before == null) {
                plan.creates.add(fields);
            } else if (same(before, fields, byNumber)) {
                plan.unchanged++;
            } else {
                plan.updates.add(new Update(before, fields));
            }
        }
        if (full) {
            for (Existing person : existing) {
                if (person.active() && person.employeeNumber() != null && !after.containsKey(person.employeeNumber())) {
                    plan.deactivations.add(person);
                }
            }
        }
        return plan;
    }

    private Fields check(PeopleCsv.Parsed file, PeopleCsv.Row row, Map<String, Existing> byNumber,
                         Map<String, Existing> byEmail, Map<String, Long> rowOfNumber, Map<String, Long> rowOfEmail,
                         Map<String, Long> units) {
        int before = problems.size();
        long at = row.row();
        String number = row.get(ImportColumn.EMPLOYEE_NUMBER);
        if (number == null) {
            problem(file, at, ImportColumn.EMPLOYEE_NUMBER, "empty: every person needs an employee number");
        } else if (number.length() > MAX_EMPLOYEE_NUMBER) {
            problem(file, at, ImportColumn.EMPLOYEE_NUMBER, "longer than " + MAX_EMPLOYEE_NUMBER + " characters");
        } else if (rowOfNumber.get(number) != at) {
            problem(file, at, ImportColumn.EMPLOYEE_NUMBER, "duplicate employee number " + number + " (also on row "
                    + rowOfNumber.get(number) + ")");
        }
        String given = required(file, row, ImportColumn.GIVEN_NAME, MAX_NAME);
        String family = required(file, row, ImportColumn.FAMILY_NAME, MAX_NAME);
        Existing stored = number == null ? null : byNumber.get(number);

        String email = file.has(ImportColumn.EMAIL) ? row.get(ImportColumn.EMAIL) : stored == null ? null : stored.email();
        if (file.has(ImportColumn.EMAIL) && email != null) {
            String key = email.toLowerCase(Locale.ROOT);
            Existing holder = byEmail.get(key);
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                problem(file, at, ImportColumn.EMAIL, "not a valid e-mail address");
            } else if (rowOfEmail.containsKey(key)) {
                problem(file, at, ImportColumn.EMAIL, "the same e-mail address is also on row " + rowOfEmail.get(key));
            } else if (holder != null && !Objects.equals(holder.employeeNumber(), number)
                    && (holder.employeeNumber() == null || !rowOfNumber.containsKey(holder.employeeNumber()))) {
                problem(file, at, ImportColumn.EMAIL, "the e-mail address belongs to another person of the"
                        + " organisation" + (holder.employeeNumber() == null ? "" : " (employee number "
                        + holder.employeeNumber() + ")"));
            }
            rowOfEmail.putIfAbsent(key, at);
        }

        Long unitId = stored == null ? null : stored.unitId();
        if (file.has(ImportColumn.UNIT_CODE)) {
            String code = row.get(ImportColumn.UNIT_CODE);
            unitId = code == null ? null : units.get(code);
            if (code != null && unitId == null) {
                problem(file, at, ImportColumn.UNIT_CODE, "unknown unit code " + code
                        + " (no unit of the organisation has it)");
            }
        }

        String position = stored == null ? null : stored.position();
        if (file.has(ImportColumn.POSITION)) {
            position = row.get(ImportColumn.POSITION);
            if (position != null && position.length() > MAX_POSITION) {
                problem(file, at, ImportColumn.POSITION, "longer than " + MAX_POSITION + " characters");
            }
        }

        LocalDate start = stored == null ? null : stored.employmentStart();
        if (file.has(ImportColumn.EMPLOYMENT_START)) {
            String text = row.get(ImportColumn.EMPLOYMENT_START);
            start = null;
            if (text != null) {
                try {
                    start = LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    problem(file, at, ImportColumn.EMPLOYMENT_START, "not a date as YYYY-MM-DD");
                }
            }
        }

        String managerNumber = null;
        Long managerId = stored == null ? null : stored.managerId();
        if (file.has(ImportColumn.MANAGER_EMPLOYEE_NUMBER)) {
            managerId = null;
            managerNumber = row.get(ImportColumn.MANAGER_EMPLOYEE_NUMBER);
            if (managerNumber != null && managerNumber.equals(number)) {
                problem(file, at, ImportColumn.MANAGER_EMPLOYEE_NUMBER, "a person cannot be their own manager");
            } else if (managerNumber != null && !rowOfNumber.containsKey(managerNumber)
                    && !byNumber.containsKey(managerNumber)) {
                // the same answer whether or not another organisation has the number: nothing of it is shown
                problem(file, at, ImportColumn.MANAGER_EMPLOYEE_NUMBER, "no person with employee number "
                        + managerNumber + " in this organisation or this file");
            }
        }
        if (problems.size() > before || number == null) {
            return null;
        }
        return new Fields(at, number, given, family, email, unitId, position, start, managerNumber, managerId);
    }

    private String required(PeopleCsv.Parsed file, PeopleCsv.Row row, ImportColumn column, int max) {
        String value = row.get(column);
        if (value == null) {
            problem(file, row.row(), column, "empty: " + column.english() + " is required");
        } else if (value.length() > max) {
            problem(file, row.row(), column, "longer than " + max + " characters");
        }
        return value;
    }

    /** Every row whose manager chain (after the import) comes back to it: each row of a cycle is named. */
    private void checkManagerCycles(PeopleCsv.Parsed file, Map<String, Fields> after, Map<String, Existing> byNumber,
                                    Map<Long, Existing> byId) {
        Set<String> endsWell = new HashSet<>(); // chains known to end at someone without a manager
        for (Fields fields : after.values()) {
            List<String> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String current = fields.employeeNumber();
            while (current != null && !endsWell.contains(current) && seen.add(current)) {
                chain.add(current);
                current = managerOf(current, after, byNumber, byId);
            }
            if (current == null || endsWell.contains(current)) {
                endsWell.addAll(chain);
                continue;
            }
            if (current != null && current.equals(fields.employeeNumber())) {
                chain.add(current);
                problem(file, fields.row(), ImportColumn.MANAGER_EMPLOYEE_NUMBER, "manager cycle: "
                        + String.join(" → ", chain));
            }
        }
    }

    private static String managerOf(String number, Map<String, Fields> after, Map<String, Existing> byNumber,
                                    Map<Long, Existing> byId) {
        Fields fields = after.get(number);
        if (fields != null) {
            return fields.managerNumber();
        }
        Existing stored = byNumber.get(number);
        if (stored == null || stored.managerId() == null) {
            return null;
        }
        Existing manager = byId.get(stored.managerId());
        return manager == null ? null : manager.employeeNumber();
    }

    private static boolean same(Existing before, Fields after, Map<String, Existing> byNumber) {
        Long managerId = after.managerId();
        if (after.managerNumber() != null) {
            Existing manager = byNumber.get(after.managerNumber());
            if (manager == null) {
                return false;
            }
            managerId = manager.id();
        }
        return before.active() && Objects.equals(before.givenName(), after.givenName())
                && Objects.equals(before.familyName(), after.familyName())
                && Objects.equals(before.email(), after.email()) && Objects.equals(before.unitId(), after.unitId())
                && Objects.equals(before.position(), after.position())
                && Objects.equals(before.employmentStart(), after.employmentStart())
                && Objects.equals(before.managerId(), managerId);
    }

    private void problem(PeopleCsv.Parsed file, long row, ImportColumn column, String reason) {
        problems.add(new ImportProblem(row, file.header(column), reason));
    }
}
