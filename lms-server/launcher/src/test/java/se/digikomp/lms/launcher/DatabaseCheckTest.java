package se.digikomp.lms.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseCheckTest {

    @Test
    void passwordsNeverAppearInTheShownUrl() {
        assertEquals("jdbc:mysql://db:3306/lms?user=x&password=***&sslMode=REQUIRED",
                DatabaseCheck.withoutSecrets("jdbc:mysql://db:3306/lms?user=x&password=hemligt&sslMode=REQUIRED"));
        assertEquals("jdbc:mysql://db:3306/lms", DatabaseCheck.withoutSecrets("jdbc:mysql://lms:hemligt@db:3306/lms"));
    }

    @Test
    void theReasonIsTheInnermostCauseOnOneLine() {
        SQLException failure = new SQLException("Communications link failure\n\nThe last packet ...",
                new ConnectException("Connection refused"));
        assertEquals("Connection refused (ConnectException)", DatabaseCheck.reason(failure));
        assertEquals("Access denied for user 'x'", DatabaseCheck.reason(new SQLException("Access denied for user 'x'")));
    }
}
