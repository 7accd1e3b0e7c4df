package se.digikomp.lms.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: UP only when migrations have run and the database answers a validity check through
 * the application's own pool (so it also proves the pool has recovered after an outage).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALID_TIMEOUT_SECONDS = 2;

    @Inject
    SchemaMigrations migrations;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        if (!migrations.applied()) {
            return response.down().withData("migrations", "not applied").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALID_TIMEOUT_SECONDS)) {
                return response.up().withData("migrations", "applied").build();
            }
            return response.down().withData("reason", "no answer within " + VALID_TIMEOUT_SECONDS + " s").build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("reason", "unreachable").build();
        }
    }
}
