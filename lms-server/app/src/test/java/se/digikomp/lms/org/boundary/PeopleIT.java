package se.digikomp.lms.org.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.digikomp.lms.org.boundary.OrgApi.ADMIN;
import static se.digikomp.lms.org.boundary.OrgApi.HR;
import static se.digikomp.lms.org.boundary.OrgApi.LEARNER;
import static se.digikomp.lms.org.boundary.OrgApi.MANAGER;
import static se.digikomp.lms.org.boundary.OrgApi.PLATFORM;
import static se.digikomp.lms.org.boundary.OrgApi.REGION_HR;
import static se.digikomp.lms.org.boundary.OrgApi.array;
import static se.digikomp.lms.org.boundary.OrgApi.object;
import static se.digikomp.lms.org.boundary.OrgApi.ok;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.digikomp.lms.testing.LmsServer;

/** People, units, roles and organisations through the API, each caller within their organisation and units. */
@ExtendWith(LmsServer.class)
class PeopleIT {

    private final OrgApi api = new OrgApi(LmsServer.shared());

    private List<String> usernames(String query, String auth) throws Exception {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ok(api.get("/api/people?limit=2" + query + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), auth));
            page.getJsonArray("items").getValuesAs(JsonObject.class).forEach(p -> names.add(p.getString("familyName")
                    + "/" + p.getString("givenName")));
            cursor = !page.containsKey("next") || page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);
        return names;
    }

    private long personId(String username) throws Exception {
        return api.count("SELECT person_id FROM account WHERE username = '" + username + "'");
    }

    @Test
    void hrReadsTheirOrganisationAndNobodyElses() throws Exception {
        List<String> demo = usernames("", HR);
        assertTrue(demo.contains("Andersson/Alva") && demo.contains("Holm/Hugo"), demo.toString());
        assertFalse(demo.contains("Hedlund/Henrik"), "Exempelregionen's HR is not in Demokommunen's list");
        List<String> region = usernames("", REGION_HR);
        assertTrue(region.contains("Hedlund/Henrik"), region.toString());
        assertFalse(region.contains("Andersson/Alva"), region.toString());
        assertEquals(404, api.get("/api/people/" + personId("learner"), REGION_HR).statusCode());
    }

    @Test
    void aManagerReadsOnlyThePeopleOfTheUnitsTheyManage() throws Exception {
        List<String> seen = usernames("", MANAGER);
        assertTrue(seen.contains("Andersson/Alva") && seen.contains("Månsson/Maja"), seen.toString());
        assertFalse(seen.contains("Holm/Hugo"), "HR-avdelningen is not under Hemtjänsten Norr");
        assertEquals(200, api.get("/api/people/" + personId("learner"), MANAGER).statusCode());
        assertEquals(404, api.get("/api/people/" + personId("hr"), MANAGER).statusCode());
        assertEquals(403, api.get("/api/people", LEARNER).statusCode());
    }

    @Test
    void theListIsSortedSearchedAndPagedByKeyset() throws Exception {
        String admin = api.newOrganisation("sortering");
        ok(api.importCsv(("employee_number;given_name;family_name;email\n"
                + "S5;Östen;Åberg;\nS3;Anna;berg;anna@s.example\nS1;Bo;Berg;\nS4;Cia;Andersson;\nS2;Ada;Berg;\n")
                .getBytes(StandardCharsets.UTF_8), "", admin));
        assertEquals(List.of("Admin/Ada", "Andersson/Cia", "Berg/Ada", "berg/Anna", "Berg/Bo", "Åberg/Östen"),
                usernames("", admin), "name order, Swedish letters last, across pages of two");
        List<String> descending = usernames("&order=desc", admin);
        assertEquals(List.of("Åberg/Östen", "Berg/Bo", "berg/Anna", "Berg/Ada", "Andersson/Cia", "Admin/Ada"),
                descending);
        assertEquals(List.of("Berg/Ada", "berg/Anna", "Berg/Bo"), usernames("&q=berg", admin), "prefix search");
        assertEquals(List.of("berg/Anna"), usernames("&q=anna%40", admin), "e-mail prefix");
        List<String> byNumber = usernames("&sort=employeeNumber", admin);
        assertEquals(List.of("Admin/Ada", "Berg/Bo", "Berg/Ada", "berg/Anna", "Andersson/Cia", "Åberg/Östen"), byNumber,
                "the administrator has no employee number and comes first");
        assertEquals(List.of("Åberg/Östen", "Andersson/Cia", "berg/Anna", "Berg/Ada", "Berg/Bo", "Admin/Ada"),
                usernames("&sort=employeeNumber&order=desc", admin));
        HttpResponse<String> badCursor = api.get("/api/people?cursor=bm9wZQ", admin);
        assertEquals(400, badCursor.statusCode(), badCursor.body());
        assertEquals(400, api.get("/api/people?sort=salary", admin).statusCode());
        assertEquals(400, api.get("/api/people?limit=100000", admin).statusCode());
    }

    @Test
    void unitsMoveWithTheirSubtreeButNeverUnderThemselves() throws Exception {
        JsonObject top = object(api.send("POST", "/api/units", ADMIN, "{\"name\":\"Flyttförvaltningen\",\"code\":\"FLY\"}"));
        long topId = top.getJsonNumber("id").longValue();
        JsonObject child = object(api.send("POST", "/api/units", ADMIN, "{\"name\":\"Flyttenheten\",\"code\":\"FLY-1\","
                + "\"parentId\":" + topId + "}"));
        long childId = child.getJsonNumber("id").longValue();
        JsonObject grandchild = object(api.send("POST", "/api/units", ADMIN, "{\"name\":\"Flyttgruppen\","
                + "\"parentId\":" + childId + "}"));
        assertEquals(2, grandchild.getInt("depth"));

        HttpResponse<String> cycle = api.send("PUT", "/api/units/" + topId + "/parent", ADMIN,
                "{\"parentId\":" + grandchild.getJsonNumber("id").longValue() + "}");
        assertEquals(400, cycle.statusCode(), cycle.body());
        assertTrue(object(cycle).getString("detail").contains("cycle"), cycle.body());
        assertEquals(400, api.send("PUT", "/api/units/" + topId + "/parent", ADMIN, "{\"parentId\":" + topId + "}")
                .statusCode());

        JsonObject moved = ok(api.send("PUT", "/api/units/" + childId + "/parent", ADMIN, "{\"parentId\":null}"));
        assertTrue(!moved.containsKey("parentId") || moved.isNull("parentId"), moved.toString());
        assertEquals(0, moved.getInt("depth"));
        assertEquals(1, ok(api.get("/api/units/" + grandchild.getJsonNumber("id").longValue(), ADMIN)).getInt("depth"),
                "the subtree moved along");
        JsonObject renamed = ok(api.send("PATCH", "/api/units/" + childId, ADMIN,
                "{\"name\":\"Flyttade enheten\",\"code\":\"FLY-2\"}"));
        assertEquals("Flyttade enheten", renamed.getString("name"));
        assertEquals(409, api.send("PATCH", "/api/units/" + childId, ADMIN, "{\"name\":\"X\",\"code\":\"SOC\"}")
                .statusCode(), "a code another unit has");

        long regionUnit = api.count("SELECT u.id FROM unit u JOIN organisation o ON o.id = u.organisation_id"
                + " WHERE o.slug = 'exempelregionen' AND u.code = 'RS'");
        assertEquals(404, api.get("/api/units/" + regionUnit, ADMIN).statusCode());
        assertEquals(404, api.send("PATCH", "/api/units/" + regionUnit, ADMIN, "{\"name\":\"Kapad\"}").statusCode());
        assertEquals(404, api.send("PUT", "/api/units/" + regionUnit + "/parent", ADMIN, "{\"parentId\":null}")
                .statusCode());
        assertEquals(400, api.send("PUT", "/api/units/" + childId + "/parent", ADMIN, "{\"parentId\":" + regionUnit
                + "}").statusCode(), "another organisation's unit is no parent");
        assertEquals(403, api.send("PATCH", "/api/units/" + childId, HR, "{\"name\":\"HR byter\"}").statusCode());
    }

    @Test
    void anAdministratorCreatesEditsAndDeactivatesAPerson() throws Exception {
        String admin = api.newOrganisation("personal");
        JsonObject created = object(api.send("POST", "/api/people", admin, "{\"employeeNumber\":\"P-1\","
                + "\"givenName\":\"Pia\",\"familyName\":\"Persson\",\"email\":\"pia@personal.example\"}"));
        assertEquals("personal-p-1", created.getString("username"));
        long pia = created.getJsonNumber("personId").longValue();
        JsonObject boss = object(api.send("POST", "/api/people", admin, "{\"employeeNumber\":\"P-2\","
                + "\"givenName\":\"Per\",\"familyName\":\"Chef\",\"managerId\":" + pia + "}"));
        long per = boss.getJsonNumber("personId").longValue();
        HttpResponse<String> cycle = api.send("PUT", "/api/people/" + pia, admin, "{\"employeeNumber\":\"P-1\","
                + "\"givenName\":\"Pia\",\"familyName\":\"Persson\",\"managerId\":" + per + "}");
        assertEquals(400, cycle.statusCode(), cycle.body());
        assertEquals(409, api.send("POST", "/api/people", admin, "{\"employeeNumber\":\"P-1\",\"givenName\":\"X\","
                + "\"familyName\":\"Y\"}").statusCode(), "employee number taken");
        assertEquals(400, api.send("POST", "/api/people", admin, "{\"givenName\":\"X\",\"familyName\":\"Y\","
                + "\"email\":\"inte-en-adress\"}").statusCode());
        long learner = personId("learner");
        assertEquals(400, api.send("POST", "/api/people", admin, "{\"givenName\":\"X\",\"familyName\":\"Y\","
                + "\"managerId\":" + learner + "}").statusCode(), "a manager of another organisation");

        JsonObject deactivated = ok(api.send("PUT", "/api/people/" + pia, admin, "{\"employeeNumber\":\"P-1\","
                + "\"givenName\":\"Pia\",\"familyName\":\"Persson\",\"positionTitle\":\"Registrator\","
                + "\"employmentStart\":\"2021-03-01\",\"active\":false}"));
        assertFalse(deactivated.getBoolean("active"));
        assertEquals("Registrator", deactivated.getString("positionTitle"));
        assertEquals(0, api.count("SELECT COUNT(*) FROM account WHERE person_id = " + pia + " AND active"));
        assertEquals(404, api.send("PUT", "/api/people/" + learner, admin, "{\"givenName\":\"X\",\"familyName\":\"Y\"}")
                .statusCode(), "another organisation's person");
    }

    @Test
    void rolesAreGrantedAndRevokedWithinTheRules() throws Exception {
        String admin = api.newOrganisation("roller");
        JsonObject created = object(api.send("POST", "/api/people", admin, "{\"employeeNumber\":\"R-1\","
                + "\"givenName\":\"Rolf\",\"familyName\":\"Roll\"}"));
        long rolf = created.getJsonNumber("personId").longValue();
        JsonObject granted = ok(api.send("PUT", "/api/people/" + rolf + "/roles/HR", admin, null));
        assertTrue(granted.getJsonArray("roles").toString().contains("\"HR\""), granted.toString());
        assertEquals(400, api.send("PUT", "/api/people/" + rolf + "/roles/PLATFORM_ADMIN", admin, null).statusCode());
        assertEquals(400, api.send("PUT", "/api/people/" + rolf + "/roles/KING", admin, null).statusCode());
        assertEquals(400, api.send("DELETE", "/api/people/" + rolf + "/roles/LEARNER", admin, null).statusCode());
        JsonObject revoked = ok(api.send("DELETE", "/api/people/" + rolf + "/roles/HR", admin, null));
        assertFalse(revoked.getJsonArray("roles").toString().contains("\"HR\""));

        long self = api.count("SELECT a.person_id FROM account a JOIN person p ON p.id = a.person_id"
                + " JOIN organisation o ON o.id = p.organisation_id WHERE o.slug = 'roller' AND p.family_name = 'Admin'");
        assertEquals(409, api.send("DELETE", "/api/people/" + self + "/roles/ADMIN", admin, null).statusCode(),
                "the last administrator keeps ADMIN");
        assertEquals(404, api.send("PUT", "/api/people/" + personId("learner") + "/roles/ADMIN", admin, null)
                .statusCode(), "another organisation's person");
        assertEquals(403, api.send("PUT", "/api/people/" + rolf + "/roles/HR", HR, null).statusCode());

        long unit = object(api.send("POST", "/api/units", admin, "{\"name\":\"Rollenheten\"}")).getJsonNumber("id")
                .longValue();
        JsonObject managing = ok(api.send("PUT", "/api/people/" + rolf + "/managed-units/" + unit, admin, null));
        assertEquals("[" + unit + "]", managing.getJsonArray("managedUnitIds").toString());
        long demoUnit = api.count("SELECT id FROM unit WHERE code = 'SOC' AND organisation_id = "
                + api.organisationId("demo"));
        assertEquals(404, api.send("PUT", "/api/people/" + rolf + "/managed-units/" + demoUnit, admin, null)
                .statusCode());
    }

    @Test
    void thePlatformAdministratorManagesOrganisations() throws Exception {
        List<String> names = array(api.get("/api/organisations", PLATFORM)).getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("name")).toList();
        assertTrue(names.containsAll(List.of("Demokommunen", "Exempelregionen")), names.toString());
        assertEquals(403, api.get("/api/organisations", ADMIN).statusCode());
        assertEquals(409, api.send("POST", "/api/organisations", PLATFORM, "{\"slug\":\"demo\",\"name\":\"Igen\"}")
                .statusCode());
        assertEquals(400, api.send("POST", "/api/organisations", PLATFORM, "{\"slug\":\"Ej Giltig\",\"name\":\"X\"}")
                .statusCode());
        JsonObject created = object(api.send("POST", "/api/organisations", PLATFORM,
                "{\"slug\":\"omdopt\",\"name\":\"Gamla namnet\"}"));
        long id = created.getJsonNumber("id").longValue();
        assertEquals("Nya namnet", ok(api.send("PATCH", "/api/organisations/" + id, PLATFORM,
                "{\"name\":\"Nya namnet\"}")).getString("name"));
        assertEquals(404, api.get("/api/organisations/999999", PLATFORM).statusCode());
        assertEquals(403, api.send("PATCH", "/api/organisations/" + id, ADMIN, "{\"name\":\"X\"}").statusCode());
    }
}
