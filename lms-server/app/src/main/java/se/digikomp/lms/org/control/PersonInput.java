package se.digikomp.lms.org.control;

import java.time.LocalDate;

/** A person's editable fields, as an administrator enters them (checked by {@link PeopleEditor}). */
public record PersonInput(String employeeNumber, String givenName, String familyName, String email, Long unitId,
                          String positionTitle, Long managerId, LocalDate employmentStart, boolean active) {
}
