package se.digikomp.lms.org.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.digikomp.lms.org.boundary.OrgApi.ADMIN;
import static se.digikomp.lms.org.boundary.OrgApi.HR;
import static se.digikomp.lms.org.boundary.OrgApi.REGION_ADMIN;
import static se.digikomp.lms.org.boundary.OrgApi.object;
import static se.digikomp.lms.org.boundary.OrgApi.ok;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/** POST /api/people/import with files as HR systems and Excel write them, good and bad, against the real server. */
@ExtendWith(LmsServer.class)
class PeopleImportIT {

    private final OrgApi api = new OrgApi(LmsServer.shared());

    private static byte[] withBom(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    private long people() throws Exception {
        return api.count("SELECT COUNT(*) FROM person");
    }

    private long accounts() throws Exception {
        return api.count("SELECT COUNT(*) FROM account");
    }

    @Test
    void excelCsvUtf8WithBomSemicolonsCrlfAndQuotedLineBreaksIsImportedAfterADryRun() throws Exception {
        String csv = "Anställningsnummer;Förnamn;Efternamn;E-post;Enhetskod;Befattning;Chefens anställningsnummer;"
                + "Anställd från;Lönegrad\r\n"
                + "XL-1;Åsa;Öberg;asa.oberg@demokommunen.example;SOC;\"Förvaltningschef\r\nSocialförvaltningen\";;"
                + "2019-08-01;12\r\n"
                + "XL-2;<script>alert(1)</script>;=HYPERLINK(\"http://x.example\");;SOC-HTN;Enhetschef;XL-1;;13\r\n"
                + "XL-3;Ärling;@Ström;arling@demokommunen.example;SOC-HTN;Undersköterska;XL-2;2024-02-29;\r\n";
        long peopleBefore = people();
        JsonObject dry = ok(api.importCsv(withBom(csv), "?dryRun=true", ADMIN));
        assertTrue(dry.getBoolean("dryRun") && dry.getBoolean("valid"), dry.toString());
        assertEquals(3, dry.getInt("created"));
        assertEquals(0, dry.getJsonArray("accounts").size());
        assertEquals(peopleBefore, people(), "a dry run writes nothing");

        JsonObject done = ok(api.importCsv(withBom(csv), "", ADMIN));
        assertEquals(List.of(3, 0, 0, 0), List.of(done.getInt("created"), done.getInt("updated"),
                done.getInt("deactivated"), done.getInt("unchanged")));
        assertEquals(peopleBefore + 3, people());
        assertEquals("<script>alert(1)</script>", api.string("SELECT given_name FROM person WHERE external_id = 'XL-2'"));
        assertEquals("=HYPERLINK(\"http://x.example\")",
                api.string("SELECT family_name FROM person WHERE external_id = 'XL-2'"), "kept as written");
        assertEquals("Förvaltningschef\r\nSocialförvaltningen",
                api.string("SELECT position_title FROM person WHERE external_id = 'XL-1'"));
        assertEquals("XL-2", api.string("SELECT m.external_id FROM person p JOIN person m ON m.id = p.manager_id"
                + " WHERE p.external_id = 'XL-3'"));
        assertEquals("2024-02-29", api.string("SELECT employment_start FROM person WHERE external_id = 'XL-3'"));

        JsonObject account = done.getJsonArray("accounts").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("employeeNumber").equals("XL-3")).findFirst().orElseThrow();
        assertEquals("demo-xl-3", account.getString("username"));
        assertEquals(1, api.count("SELECT COUNT(*) FROM account a JOIN account_role r ON r.account_id = a.id"
                + " WHERE a.username = 'demo-xl-3' AND r.role = 'LEARNER'"));
        String signIn = api.setPassword("demo-xl-3", account.getString("setPasswordPath"));
        assertEquals("demo-xl-3", ok(api.get("/api/accounts/me", signIn)).getString("username"));
        HttpResponse<String> reused = api.send("POST", "/api/set-password", ADMIN, "{\"token\":\""
                + account.getString("setPasswordPath").split("token=")[1] + "\",\"password\":\"another-password-1\"}");
        assertEquals(400, reused.statusCode(), "a set-password link works once");

        JsonObject again = ok(api.importCsv(withBom(csv), "", ADMIN));
        assertEquals(List.of(0, 0, 0, 3), List.of(again.getInt("created"), again.getInt("updated"),
                again.getInt("deactivated"), again.getInt("unchanged")), "importing the same file again changes nothing");
    }

    @Test
    void windows1252WithCommasAndEnglishHeadersKeepsSwedishLetters() throws Exception {
        byte[] csv = ("employee_number,given_name,family_name,email,unit_code\n"
                + "W-1,Märta,Ståhlberg-Öhman,marta@demokommunen.example,KSF-IT\n").getBytes(Charset.forName("windows-1252"));
        JsonObject done = ok(api.importCsv(csv, "", ADMIN));
        assertEquals(1, done.getInt("created"));
        assertEquals("Märta", api.string("SELECT given_name FROM person WHERE external_id = 'W-1'"));
        assertEquals("Ståhlberg-Öhman", api.string("SELECT family_name FROM person WHERE external_id = 'W-1'"));

        JsonObject changed = ok(api.importCsv(("employee_number,given_name,family_name,position\n"
                + "W-1,Märta,Ståhlberg,Arkivarie\n").getBytes(Charset.forName("windows-1252")), "", ADMIN));
        assertEquals(1, changed.getInt("updated"));
        assertEquals("marta@demokommunen.example", api.string("SELECT email FROM person WHERE external_id = 'W-1'"),
                "a column missing from the file leaves the field as it is");
    }

    @Test
    void everyProblemIsNamedAsRowAndColumnAndNothingIsWritten() throws Exception {
        // a person of the other organisation, whose employee number the file names as a manager
        ok(api.importCsv("employee_number;given_name;family_name\nREG-77;Rut;Regional\n".getBytes(StandardCharsets.UTF_8),
                "", REGION_ADMIN));
        String csv = "anställningsnummer;förnamn;efternamn;e-post;enhetskod;chefens_anställningsnummer;anställd_från\r\n"
                + "B-1;Anna;Berg;anna.berg(at)kommun;SOC;;\r\n"
                + "B-2;Bo;\"Ek\r\nEksson\";bo@demokommunen.example;FINNS-EJ;;\r\n"
                + "B-1;Cia;Dahl;;SOC;;2024-31-12\r\n"
                + "B-4;Dan;Ek;;SOC;REG-77;\r\n"
                + "B-5;Eva;Fors;;SOC;B-6;\r\n"
                + "B-6;Filip;Gran;;SOC;B-5;\r\n"
                + "B-7;;Holm;bo@demokommunen.example;SOC;;\r\n";
        List<String> expected = List.of(
                "2:e-post: not a valid e-mail address",
                "3:enhetskod: unknown unit code FINNS-EJ (no unit of the organisation has it)",
                "4:anställningsnummer: duplicate employee number B-1 (also on row 2)",
                "4:anställd_från: not a date as YYYY-MM-DD",
                "5:chefens_anställningsnummer: no person with employee number REG-77 in this organisation or this file",
                "8:förnamn: empty: given_name is required",
                "8:e-post: the same e-mail address is also on row 3",
                "6:chefens_anställningsnummer: manager cycle: B-5 → B-6 → B-5",
                "7:chefens_anställningsnummer: manager cycle: B-6 → B-5 → B-6");
        long peopleBefore = people();
        long accountsBefore = accounts();

        JsonObject dry = ok(api.importCsv(csv.getBytes(StandardCharsets.UTF_8), "?dryRun=true", ADMIN));
        assertFalse(dry.getBoolean("valid"));
        assertEquals(expected, dry.getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());

        HttpResponse<String> refused = api.importCsv(csv.getBytes(StandardCharsets.UTF_8), "", ADMIN);
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = object(refused);
        assertEquals(expected, problem.getJsonArray("problems").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertFalse(refused.body().contains("Anna") || refused.body().contains("Berg"), "no names in the answer");
        assertEquals(peopleBefore, people(), "nothing half-imported");
        assertEquals(accountsBefore, accounts());
    }

    @Test
    void malformedAndEmptyFilesAreRefusedWithTheirReason() throws Exception {
        long before = people();
        HttpResponse<String> unclosed = api.importCsv("employee_number,given_name,family_name\nM-1,A,B\nM-2,\"C,D\n"
                .getBytes(StandardCharsets.UTF_8), "", ADMIN);
        assertEquals(400, unclosed.statusCode());
        assertTrue(unclosed.body().contains("3: not valid CSV from here on"), unclosed.body());
        HttpResponse<String> empty = api.importCsv(new byte[0], "", ADMIN);
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("1: the file is empty"), empty.body());
        HttpResponse<String> noColumns = api.importCsv("namn;mejl\nA;a@x.example\n".getBytes(StandardCharsets.UTF_8),
                "", ADMIN);
        assertTrue(noColumns.body().contains("1:employee_number: the required column employee_number (or"
                + " anställningsnummer) is missing from the header row"), noColumns.body());
        assertEquals(before, people());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWith413() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        long before = people();
        HttpResponse<String> refused = api.importCsv(big, "", ADMIN);
        assertEquals(413, refused.statusCode(), refused.body());
        assertTrue(object(refused).getString("detail").contains("lms.org.import-max-bytes"), refused.body());
        assertEquals(before, people());
    }

    @Test
    void aFullImportDeactivatesPeopleMissingFromTheFile() throws Exception {
        String region = LmsServer.basicAuth("region-admin", "demo-region-admin");
        ok(api.importCsv("employee_number;given_name;family_name\nF-1;A;B\nF-2;C;D\n".getBytes(StandardCharsets.UTF_8),
                "", region));
        JsonObject dry = ok(api.importCsv("employee_number;given_name;family_name\nF-1;A;B\n"
                .getBytes(StandardCharsets.UTF_8), "?dryRun=true&full=true", region));
        assertTrue(dry.getInt("deactivated") >= 1, dry.toString());
        assertEquals(1, api.count("SELECT COUNT(*) FROM person WHERE external_id = 'F-2' AND active"));
        JsonObject full = ok(api.importCsv("employee_number;given_name;family_name\nF-1;A;B\n"
                .getBytes(StandardCharsets.UTF_8), "?full=true", region));
        assertEquals(dry.getInt("deactivated"), full.getInt("deactivated"));
        assertEquals(0, api.count("SELECT COUNT(*) FROM person WHERE external_id = 'F-2' AND active"));
        assertEquals(0, api.count("SELECT COUNT(*) FROM account a JOIN person p ON p.id = a.person_id"
                + " WHERE p.external_id = 'F-2' AND a.active"), "their account stops signing in");
        assertEquals(1, api.count("SELECT COUNT(*) FROM person p JOIN organisation o ON o.id = p.organisation_id"
                + " WHERE o.slug = 'exempelregionen' AND p.external_id IS NULL AND p.given_name = 'Henrik' AND p.active"),
                "people without an employee number (the demo accounts) are not touched");
        JsonObject back = ok(api.importCsv("employee_number;given_name;family_name\nF-2;C;D\n"
                .getBytes(StandardCharsets.UTF_8), "", region));
        assertEquals(1, back.getInt("updated"), "listed again: active again");
        assertEquals(1, api.count("SELECT COUNT(*) FROM account a JOIN person p ON p.id = a.person_id"
                + " WHERE p.external_id = 'F-2' AND a.active"));
    }

    @Test
    void onlyTheOrganisationAdministratorImports() throws Exception {
        byte[] csv = "employee_number;given_name;family_name\nR-1;A;B\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(403, api.importCsv(csv, "", HR).statusCode());
        assertEquals(403, api.importCsv(csv, "", OrgApi.PLATFORM).statusCode());
        assertEquals(401, api.importCsv(csv, "", "Basic bm9ib2R5Om5vdGhpbmc=").statusCode());
        assertEquals(0, api.count("SELECT COUNT(*) FROM person WHERE external_id = 'R-1'"));
    }
}
