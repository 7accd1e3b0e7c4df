package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConfiguredDataSourceTest {

    @Test
    void keepsTheConfiguredPasswordWhenThePoolSetsItsOwnEmptyOne() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> "s3cret");
        assertEquals("s3cret", dataSource.getPassword());

        // What Payara's pool does after construction: the definition names no password, so it sets "".
        dataSource.setPassword("");
        assertEquals("s3cret", dataSource.getPassword());
    }

    @Test
    void anEmptyConfiguredPasswordStaysEmpty() {
        ConfiguredDataSource dataSource = new ConfiguredDataSource(() -> "");
        dataSource.setPassword("ignored");
        assertEquals("", dataSource.getPassword());
    }
}
