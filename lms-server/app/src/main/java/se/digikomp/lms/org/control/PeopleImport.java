package se.digikomp.lms.org.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditEvent;

/**
 * Imports people from an HR system's CSV into one organisation, in one transaction: the file is read and
 * checked completely first; a file with any problem writes nothing. Imports of one organisation run one at a
 * time (the organisation's row is locked). Logs and audits counts only, never a name.
 */
@ApplicationScoped
public class PeopleImport {

    /** A new account and the path of its set-password page (the token is shown only in this answer). */
    public record NewAccount(String employeeNumber, String username, String setPasswordPath) {
    }

    /** The outcome: counts, every problem as {@code row:column: reason}, and the new accounts. */
    public record Result(boolean dryRun, boolean valid, int created, int updated, int deactivated, int unchanged,
                         List<String> problems, List<NewAccount> accounts) {
    }

    private static final System.Logger LOG = System.getLogger(PeopleImport.class.getName());

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<AuditEvent> audit;

    @Inject
    @ConfigProperty(name = "lms.org.set-password-valid-days", defaultValue = "14")
    int setPasswordValidDays;

    @Transactional
    public Result run(long organisationId, Long actorAccountId, String remoteAddress, byte[] csv, boolean dryRun,
                      boolean full) {
        long begin = System.nanoTime();
        PeopleCsv.Parsed file = PeopleCsv.read(csv);
        try (Connection db = dataSource.getConnection()) {
            String slug = lockOrganisation(db, organisationId, dryRun);
            ImportPlan plan = ImportPlan.of(file, ImportWriter.existing(db, organisationId),
                    ImportWriter.unitCodes(db, organisationId), full);
            List<String> problems = plan.problems().stream().map(ImportProblem::text).toList();
            if (dryRun) {
                return new Result(true, plan.valid(), plan.creates().size(), plan.updates().size(),
                        plan.deactivations().size(), plan.unchanged(), problems, List.of());
            }
            if (!plan.valid()) {
                throw new ImportRejected(plan.problems());
            }
            List<NewAccounts.Created> accounts = ImportWriter.write(db, organisationId, slug, plan,
                    Duration.ofDays(setPasswordValidDays));
            String counts = "created=" + plan.creates().size() + " updated=" + plan.updates().size() + " deactivated="
                    + plan.deactivations().size() + " unchanged=" + plan.unchanged();
            audit.fire(new AuditEvent(organisationId, actorAccountId, AuditAction.PEOPLE_IMPORTED, "organisation",
                    Long.toString(organisationId), remoteAddress, counts));
            LOG.log(Level.INFO, "People import into organisation {0} ({1} rows, {2}, {3}): {4} in {5} ms",
                    organisationId, file.rows().size(), file.charset(), file.delimiter() == '\t' ? "tab"
                            : "'" + file.delimiter() + "'", counts, (System.nanoTime() - begin) / 1_000_000);
            return new Result(false, true, plan.creates().size(), plan.updates().size(), plan.deactivations().size(),
                    plan.unchanged(), List.of(), accounts.stream().map(a -> new NewAccount(
                            a.employeeNumber(), a.username(), PasswordTokens.pagePath(a.token())))
                    .toList());
        } catch (SQLException e) {
            throw new IllegalStateException("people import failed: " + e.getMessage(), e);
        }
    }

    private static String lockOrganisation(Connection db, long organisationId, boolean dryRun) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT slug FROM organisation WHERE id = ?"
                + (dryRun ? "" : " FOR UPDATE"))) {
            select.setLong(1, organisationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("organisation " + organisationId + " does not exist");
                }
                return row.getString(1);
            }
        }
    }
}
