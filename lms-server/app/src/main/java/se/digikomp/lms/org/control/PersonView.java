package se.digikomp.lms.org.control;

import java.time.LocalDate;

/** A person as the API and pages show them, with their unit and account (if any). */
public record PersonView(long id, String employeeNumber, String givenName, String familyName, String email,
                         Long unitId, String unitCode, String unitName, String positionTitle, Long managerId,
                         LocalDate employmentStart, boolean active, Long accountId, String username) {
}
