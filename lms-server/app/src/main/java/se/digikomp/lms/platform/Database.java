package se.digikomp.lms.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's one data source, from MicroProfile Config ({@code lms.db.*}; the password through
 * {@link ConfiguredDataSource}).
 *
 * <p>Connections are validated at every checkout (a connection closed while the database was away must never be
 * handed to a caller: the sign-in checks use plain JDBC on every request) and the whole pool is flushed when one
 * fails, so after the database has been away and is back the pool recovers by itself.
 * {@code connectTimeout} bounds how long a new connection may take, which bounds the readiness check.
 *
 * <p>Connector/J settings for the LRS's write path (measured with bin/bench-lrs): parsed statements are cached per
 * connection (the multi-row INSERTs are long, hence the SQL length limit), session and transaction state are
 * tracked locally so that switching auto-commit or committing costs no extra round trip when nothing changed, and
 * JDBC batches are sent as multi-row statements.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "se.digikomp.lms.platform.ConfiguredDataSource",
        url = "${MPCONFIG=lms.db.url}",
        user = "${MPCONFIG=lms.db.user}",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=0",
            "fish.payara.fail-all-connections=true",
            "fish.payara.max-wait-time-in-millis=10000",
            "connectTimeout=5000",
            "characterEncoding=UTF-8",
            "useServerPrepStmts=true",
            "cachePrepStmts=true",
            "prepStmtCacheSize=500",
            "prepStmtCacheSqlLimit=65536",
            "useLocalSessionState=true",
            "useLocalTransactionState=true",
            "rewriteBatchedStatements=true"
        })
@ApplicationScoped
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/lms";
}
