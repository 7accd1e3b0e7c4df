package se.digikomp.lms.org.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an import would do, and every reason it refuses a file, named as row:column. */
class ImportPlanTest {

    private static final Map<String, Long> UNITS = Map.of("SOC", 10L, "SOC-HTN", 11L);
    private static final String HEADER = "anställningsnummer;förnamn;efternamn;e-post;enhetskod;befattning;"
            + "chefens_anställningsnummer;anställd_från\n";

    private static ImportPlan plan(String csv, List<ImportPlan.Existing> existing, boolean full) {
        return ImportPlan.of(PeopleCsv.read(csv.getBytes(StandardCharsets.UTF_8)), existing, UNITS, full);
    }

    private static List<String> problems(String rows) {
        return plan(HEADER + rows, List.of(), false).problems().stream().map(ImportProblem::text).toList();
    }

    private static ImportPlan.Existing stored(long id, String number, String given, String email, Long manager,
                                              boolean active) {
        return new ImportPlan.Existing(id, number, given, "Berg", email, 11L, "Undersköterska", manager,
                LocalDate.of(2020, 1, 1), active);
    }

    @Test
    void countsCreatedUpdatedUnchangedAndDeactivated() {
        List<ImportPlan.Existing> existing = List.of(
                stored(1, "100", "Anna", "anna@k.example", null, true),
                stored(2, "200", "Bo", "bo@k.example", 1L, true),
                stored(3, "300", "Cia", null, null, true),
                stored(4, null, "Manuell", null, null, true));
        ImportPlan plan = plan(HEADER
                + "100;Anna;Berg;anna@k.example;SOC-HTN;Undersköterska;;2020-01-01\n"
                + "200;Bo;Berg;bo@k.example;SOC-HTN;Enhetschef;100;2020-01-01\n"
                + "400;Dan;Dahl;dan@k.example;SOC;;200;\n", existing, true);
        assertEquals(List.of(), plan.problems());
        assertEquals(1, plan.creates().size());
        assertEquals(1, plan.updates().size());
        assertEquals(1, plan.unchanged());
        assertEquals(List.of(3L), plan.deactivations().stream().map(ImportPlan.Existing::id).toList(),
                "only people with an employee number are deactivated by a full import");
        assertEquals(0, plan(HEADER + "100;Anna;Berg;;;;;\n", existing, false).deactivations().size());
    }

    @Test
    void aColumnMissingFromTheFileLeavesTheFieldAsItIs() {
        ImportPlan plan = plan("employee_number,given_name,family_name\n200,Bo,Berg\n",
                List.of(stored(1, "100", "Anna", null, null, true), stored(2, "200", "Bo", "bo@k.example", 1L, true)),
                false);
        assertEquals(1, plan.unchanged());
    }

    @Test
    void aPersonListedAgainIsReactivated() {
        ImportPlan plan = plan("employee_number,given_name,family_name\n200,Bo,Berg\n",
                List.of(stored(2, "200", "Bo", null, null, false)), false);
        assertEquals(1, plan.updates().size());
    }

    @Test
    void badEmailUnknownUnitBadDateAndEmptyRequiredFields() {
        assertEquals(List.of(
                        "2:e-post: not a valid e-mail address",
                        "2:enhetskod: unknown unit code NOPE (no unit of the organisation has it)",
                        "2:anställd_från: not a date as YYYY-MM-DD",
                        "3:anställningsnummer: empty: every person needs an employee number",
                        "3:förnamn: empty: given_name is required"),
                problems("1;Anna;Berg;anna(at)kommun;NOPE;;;2020-13-01\n;;Berg;;;;;\n"));
    }

    @Test
    void duplicateEmployeeNumbersAndEmailsNameTheOtherRow() {
        assertEquals(List.of(
                        "4:anställningsnummer: duplicate employee number 1 (also on row 2)",
                        "4:e-post: the same e-mail address is also on row 2",
                        "5:e-post: the same e-mail address is also on row 3"),
                problems("1;A;B;a@k.example;;;;\n2;C;D;c@k.example;;;;\n1;E;F;A@K.example;;;;\n3;G;H;c@k.example;;;;\n"));
    }

    @Test
    void anEmailOfAnotherPersonWhoKeepsItIsRefused() {
        ImportPlan plan = plan(HEADER + "2;Bo;Berg;anna@k.example;;;;\n",
                List.of(stored(1, "1", "Anna", "anna@k.example", null, true)), false);
        assertEquals(List.of("2:e-post: the e-mail address belongs to another person of the organisation"
                + " (employee number 1)"), plan.problems().stream().map(ImportProblem::text).toList());
        assertTrue(plan(HEADER + "2;Bo;Berg;anna@k.example;;;;\n1;Anna;Berg;ny@k.example;;;;\n",
                List.of(stored(1, "1", "Anna", "anna@k.example", null, true)), false).valid(),
                "an address that changes hands within the file is fine");
    }

    @Test
    void anUnknownManagerIsRefusedTheSameWayWhetherOrNotAnotherOrganisationHasTheNumber() {
        assertEquals(List.of("2:chefens_anställningsnummer: no person with employee number 999 in this"
                + " organisation or this file"), problems("1;A;B;;;;999;\n"));
        assertEquals(List.of("2:chefens_anställningsnummer: a person cannot be their own manager"),
                problems("1;A;B;;;;1;\n"));
    }

    @Test
    void everyRowOfAManagerCycleIsNamedWithItsChain() {
        assertEquals(List.of("2:chefens_anställningsnummer: manager cycle: 1 → 2 → 3 → 1",
                        "3:chefens_anställningsnummer: manager cycle: 2 → 3 → 1 → 2",
                        "4:chefens_anställningsnummer: manager cycle: 3 → 1 → 2 → 3"),
                problems("1;A;B;;;;2;\n2;C;D;;;;3;\n3;E;F;;;;1;\n4;G;H;;;;1;\n"));
    }

    @Test
    void aCycleThroughAStoredPersonNotInTheFileIsFound() {
        // stored: 2's manager is 1; the file makes 1's manager 2
        ImportPlan plan = plan(HEADER + "1;A;B;;;;2;\n", List.of(stored(7, "1", "A", null, null, true),
                stored(8, "2", "C", null, 7L, true)), false);
        assertEquals(List.of("2:chefens_anställningsnummer: manager cycle: 1 → 2 → 1"),
                plan.problems().stream().map(ImportProblem::text).toList());
    }

    @Test
    void tooLongValuesAreNamed() {
        assertEquals(List.of("2:befattning: longer than 200 characters"), problems("1;A;B;;;" + "x".repeat(201)
                + ";;\n"));
    }
}
