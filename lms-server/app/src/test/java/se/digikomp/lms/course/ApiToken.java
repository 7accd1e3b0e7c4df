package se.digikomp.lms.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.PageClient;

/** An API token made the way a person makes one: signed in, on the profile page (as ApiTokensIT does). */
final class ApiToken {

    private static final Pattern NEW_TOKEN = Pattern.compile("<code id=\"new-token\">(dkt_[A-Za-z0-9_-]{43})</code>");

    private ApiToken() {
    }

    static String create(LmsServer.Instance server, String username, String password) throws Exception {
        PageClient client = new PageClient(server, "en");
        client.signIn(username, password, "/profile");
        HttpResponse<String> created = client.submit("/profile", "tokens-form", Map.of("token-name",
                "course-packager publish", "token-expires", LocalDate.now().plusDays(30).toString(), "create-token", "x"));
        assertEquals(200, created.statusCode(), created.body());
        Matcher token = NEW_TOKEN.matcher(created.body());
        assertTrue(token.find(), created.body());
        return token.group(1);
    }
}
