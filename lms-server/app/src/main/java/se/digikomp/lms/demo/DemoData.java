package se.digikomp.lms.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.platform.SchemaMigrations;

/**
 * On the first start against an empty database (no organisation at all), creates the demo organisations
 * Demokommunen (a few units, one account per role) and Exempelregionen (its own units, HR, admin, learner), and prints the account names and their public demo
 * passwords once. Switched off with {@code lms.demo.enabled=false}. Delete this package to drop demo data.
 */
@ApplicationScoped
public class DemoData {

    /** After the schema migrations. */
    public static final int PRIORITY = SchemaMigrations.PRIORITY + 100;

    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());

    @Inject
    @ConfigProperty(name = "lms.demo.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    DemoOrganisation organisation;

    void create(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        if (!enabled) {
            return;
        }
        if (organisation.createIfDatabaseEmpty()) {
            StringBuilder text = new StringBuilder("Demo organisation " + DemoOrganisation.NAME
                    + " created, and " + DemoOrganisation.SECOND_NAME
                    + ". Demo accounts (public demo passwords, also in README.md):");
            for (DemoOrganisation.DemoAccount account : DemoOrganisation.allAccounts()) {
                text.append("\n  ").append(account.username()).append(" / ").append(account.password())
                        .append("  (").append(account.role()).append(')');
            }
            LOG.log(Level.INFO, text.toString());
        }
    }
}
