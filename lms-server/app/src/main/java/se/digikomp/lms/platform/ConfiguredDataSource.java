package se.digikomp.lms.platform;

import com.mysql.cj.jdbc.MysqlDataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Connector/J's data source, with the password read from MicroProfile Config here rather than through
 * {@code ${MPCONFIG=...}} in {@link Database}: MicroProfile Config treats an empty value as missing, and Payara
 * would then send the placeholder text itself as the password, so a database user without a password (a
 * common local set-up) could not connect.
 */
public class ConfiguredDataSource extends MysqlDataSource {

    private static final long serialVersionUID = 1L;

    public ConfiguredDataSource() {
        setPassword(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader())
                .getOptionalValue("lms.db.password", String.class).orElse(""));
    }
}
