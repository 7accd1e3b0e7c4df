package se.digikomp.lms.platform;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connector/J's data source, with the password read from MicroProfile Config here rather than through
 * {@code ${MPCONFIG=...}} in {@link Database}: MicroProfile Config treats an empty value as missing, and Payara
 * would then send the placeholder text itself as the password, so a database user without a password (a
 * common local set-up) could not connect.
 *
 * <p>The pool hands this data source the definition's own password (empty, since the definition names none),
 * both through {@link #setPassword(String)} after construction and as an argument of
 * {@link #getConnection(String, String)}. Both are replaced by the configured password; otherwise every
 * database user that has a password is refused ("using password: NO").
 */
public class ConfiguredDataSource extends MysqlDataSource {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<String> password;

    public ConfiguredDataSource() {
        this(() -> ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue("lms.db.password", String.class).orElse(""));
    }

    ConfiguredDataSource(Supplier<String> password) {
        this.password = password;
        super.setPassword(password.get());
    }

    /** Ignores the pool's (empty) password and keeps the configured one. */
    @Override
    public void setPassword(String fromPool) {
        super.setPassword(password.get());
    }

    /** Connects as the given user with the configured password, whatever password the pool passes. */
    @Override
    public Connection getConnection(String user, String fromPool) throws SQLException {
        return super.getConnection(user, password.get());
    }
}
