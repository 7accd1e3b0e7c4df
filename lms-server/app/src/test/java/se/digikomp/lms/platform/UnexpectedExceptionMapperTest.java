package se.digikomp.lms.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (503) rather than "we have a bug" (500). */
class UnexpectedExceptionMapperTest {

    @Test
    void aConnectionClassSqlStateAnywhereInTheChainIsUnavailable() {
        var lost = new SQLException("Communications link failure", "08S01");
        assertTrue(UnexpectedExceptionMapper.isDatabaseUnavailable(new PersistenceException("x", lost)));
    }

    @Test
    void aPoolThatCannotAllocateIsUnavailable() {
        var pool = new SQLException("Error in allocating a connection",
                new ResourceAllocationException("Connection could not be allocated"));
        assertTrue(UnexpectedExceptionMapper.isDatabaseUnavailable(new RuntimeException(pool)));
    }

    @Test
    void aRefusedSocketIsUnavailable() {
        assertTrue(UnexpectedExceptionMapper.isDatabaseUnavailable(
                new IllegalStateException(new ConnectException("Connection refused"))));
    }

    @Test
    void aBadQueryOrABugIsNot() {
        assertFalse(UnexpectedExceptionMapper.isDatabaseUnavailable(
                new PersistenceException(new SQLSyntaxErrorException("bad", "42000"))));
        assertFalse(UnexpectedExceptionMapper.isDatabaseUnavailable(new NullPointerException()));
    }
}
