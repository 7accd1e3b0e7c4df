package se.digikomp.lms.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives the Payara Micro process that Arquillian starts a fresh schema of the {@link TestDatabase}. The
 * process inherits environment variables but not system properties, so the database settings travel as JVM
 * options in {@code payara.cmdOptions}, which the Payara container reads when Arquillian sets it up. List this
 * extension before Arquillian's: {@code @ExtendWith({ArquillianDatabase.class, ArquillianExtension.class})}.
 */
public final class ArquillianDatabase implements BeforeAllCallback {

    private static volatile String schema;

    @Override
    public void beforeAll(ExtensionContext context) {
        new TestDatabase().beforeAll(context);
        TestDatabase.Instance database = TestDatabase.shared();
        if (schema == null) {
            schema = database.newSchema("lms_arquillian");
        }
        System.setProperty("payara.cmdOptions", "-Xmx512m"
                + " -Dlms.db.url=" + database.jdbcUrl(schema)
                + " -Dlms.db.user=" + database.user()
                + " -Dlms.db.password=" + database.password());
    }

    /** The schema the Arquillian-managed server uses. */
    public static String schema() {
        return schema;
    }
}
